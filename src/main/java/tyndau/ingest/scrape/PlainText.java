package tyndau.ingest.scrape;

import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/**
 * The text of an element as a reader sees it: each block (paragraph, heading, list item, table cell …)
 * a paragraph of its own, paragraphs separated by a blank line, whitespace inside them collapsed.
 */
final class PlainText {
    private static final Set<String> BLOCKS = Set.of(
            "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl", "dt",
            "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
            "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th", "tr", "ul");
    // Source line breaks are just whitespace; only <br> breaks a line.
    private static final Pattern SPACE = Pattern.compile("[\\s\\u00A0]+");
    private static final Set<String> INVISIBLE = Set.of("script", "style", "noscript", "template");

    private PlainText() {
    }

    static String of(Element root) {
        Builder out = new Builder();
        NodeTraversor.traverse(out, root);
        return out.result();
    }

    private static final class Builder implements NodeVisitor {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder paragraph = new StringBuilder();
        private int hidden;

        @Override
        public void head(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (INVISIBLE.contains(tag)) {
                    hidden++;
                } else if (BLOCKS.contains(tag)) {
                    endParagraph();
                } else if ("br".equals(tag)) {
                    paragraph.append('\n');
                }
            } else if (node instanceof TextNode t && hidden == 0) {
                paragraph.append(SPACE.matcher(t.getWholeText()).replaceAll(" "));
            }
        }

        @Override
        public void tail(Node node, int depth) {
            if (node instanceof Element e) {
                String tag = e.normalName();
                if (INVISIBLE.contains(tag)) {
                    hidden--;
                } else if (BLOCKS.contains(tag)) {
                    endParagraph();
                }
            }
        }

        private void endParagraph() {
            StringBuilder lines = new StringBuilder();
            for (String line : paragraph.toString().split("\n")) {
                String clean = SPACE.matcher(line).replaceAll(" ").trim();
                if (!clean.isEmpty()) {
                    lines.append(lines.length() > 0 ? "\n" : "").append(clean);
                }
            }
            paragraph.setLength(0);
            if (lines.length() > 0) {
                text.append(text.length() > 0 ? "\n\n" : "").append(lines);
            }
        }

        String result() {
            endParagraph();
            return text.toString();
        }
    }
}
