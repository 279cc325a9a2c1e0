package tyndau.ingest.scrape;

import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Removes blocks of a given tag from the extracted content when they look like boilerplate: negative
 * class hints, more list items or images than paragraphs, form inputs, lots of links, lone embeds,
 * or an advertising placeholder. Prose with many commas, data tables and code are always kept.
 */
final class ConditionalCleaner {
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> TEXTISH = Set.of(
            "span", "li", "td", "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");

    private final Pass pass;
    private final DataTables tables;

    ConditionalCleaner(Pass pass, DataTables tables) {
        this.pass = pass;
        this.tables = tables;
    }

    void clean(Element root, String tag) {
        if (!pass.cleanConditionally()) {
            return;
        }
        List<Element> nodes = root.getElementsByTag(tag);
        // Innermost first, so a container is judged after its doubtful parts are gone.
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Element node = nodes.get(i);
            if (node != root && node.parent() != null && isBoilerplate(node, tag)) {
                node.remove();
            }
        }
    }

    private boolean isBoilerplate(Element node, String tag) {
        if ("table".equals(tag) && tables.contains(node) || tables.insideOne(node) || tables.holdsOne(node)
                || TextStats.hasAncestor(node, "code", 3)) {
            return false;
        }
        int weight = ContentHints.classWeight(node, pass.weightClasses());
        if (weight < 0) {
            return true;
        }
        String text = TextStats.text(node);
        if (TextStats.commas(text) >= 10) {
            return false;
        }
        boolean isList = "ul".equals(tag) || "ol".equals(tag) || mostlyList(node, text.length());
        int paragraphs = node.getElementsByTag("p").size();
        int images = node.getElementsByTag("img").size();
        int items = node.getElementsByTag("li").size() - 100;
        int inputs = node.getElementsByTag("input").size();
        int embeds = 0;
        for (Element embed : node.select("object, embed, iframe")) {
            if (ContentHints.isVideoEmbed(embed)) {
                return false;
            }
            embeds++;
        }
        if (ContentHints.PLACEHOLDER.matcher(text).matches()) {
            return true;
        }
        double links = TextStats.linkDensity(node);
        boolean inFigure = TextStats.hasAncestor(node, "figure", -1);
        boolean remove = !inFigure && images > 1 && (double) paragraphs / images < 0.5
                || !isList && items > paragraphs
                || inputs > paragraphs / 3
                || !isList && !inFigure && TextStats.textDensity(node, HEADINGS) < 0.9 && text.length() < 25
                        && (images == 0 || images > 2) && links > 0
                || !isList && weight < 25 && links > 0.2
                || weight >= 25 && links > 0.5
                || embeds == 1 && text.length() < 75 || embeds > 1
                || images == 0 && TextStats.textDensity(node, TEXTISH) == 0;
        if (isList && remove && isImageList(node, images)) {
            return false;
        }
        return remove;
    }

    private static boolean mostlyList(Element node, int textLength) {
        if (textLength == 0) {
            return false;
        }
        int inLists = 0;
        for (Element list : node.select("ul, ol")) {
            inLists += TextStats.length(list);
        }
        return (double) inLists / textLength > 0.9;
    }

    /** A plain list of images (one element per item) is a gallery, part of the article. */
    private static boolean isImageList(Element node, int images) {
        for (Element child : node.children()) {
            if (child.childrenSize() > 1) {
                return false;
            }
        }
        return images == node.getElementsByTag("li").size();
    }
}
