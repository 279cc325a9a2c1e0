package tyndau.ingest.scrape;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The first pass over a page: drops what a reader never sees or that is surely boilerplate, turns
 * divs used as paragraphs into paragraphs, and collects the blocks whose text will be scored.
 */
final class CandidateWalk {
    private static final Set<String> SCORED = Set.of("section", "h2", "h3", "h4", "h5", "h6", "p", "td", "pre");
    private static final Set<String> DROPPED_WHEN_EMPTY = Set.of(
            "div", "section", "header", "h1", "h2", "h3", "h4", "h5", "h6");

    /** Blocks to score, in document order, and the byline taken out of the page (null when none). */
    record Result(List<Element> toScore, String byline) {
    }

    private CandidateWalk() {
    }

    static Result walk(Document doc, Pass pass, String title) {
        List<Element> toScore = new ArrayList<>();
        String byline = null;
        boolean titleHeaderPending = title != null && !title.isBlank();
        Element node = doc.firstElementChild();
        while (node != null) {
            String tag = node.normalName();
            String signature = ContentHints.signature(node);
            if (!ContentHints.isProbablyVisible(node)
                    || "true".equals(node.attr("aria-modal")) && "dialog".equals(node.attr("role"))) {
                node = DomWalk.removeAndNext(node);
                continue;
            }
            if (byline == null && isByline(node, signature)) {
                byline = node.text().trim();
                node = DomWalk.removeAndNext(node);
                continue;
            }
            if (titleHeaderPending && TitleSimilarity.headerRepeatsTitle(node, title)) {
                titleHeaderPending = false;
                node = DomWalk.removeAndNext(node);
                continue;
            }
            if (pass.stripUnlikely() && isUnlikely(node, tag, signature)) {
                node = DomWalk.removeAndNext(node);
                continue;
            }
            if (DROPPED_WHEN_EMPTY.contains(tag) && DomWalk.isEmptyBlock(node)) {
                node = DomWalk.removeAndNext(node);
                continue;
            }
            if (SCORED.contains(tag)) {
                toScore.add(node);
            }
            if ("div".equals(tag)) {
                node = reshapeDiv(node, toScore);
            }
            node = DomWalk.next(node, false);
        }
        return new Result(toScore, byline);
    }

    private static boolean isUnlikely(Element node, String tag, String signature) {
        if (ContentHints.UNLIKELY_ROLES.contains(node.attr("role"))) {
            return true;
        }
        return ContentHints.UNLIKELY.matcher(signature).find()
                && !ContentHints.MAYBE_CONTENT.matcher(signature).find()
                && !TextStats.hasAncestor(node, "table", 3)
                && !TextStats.hasAncestor(node, "code", 3)
                && !"body".equals(tag) && !"a".equals(tag);
    }

    static boolean isByline(Element node, String signature) {
        boolean marked = "author".equals(node.attr("rel")) || node.attr("itemprop").contains("author")
                || ContentHints.BYLINE.matcher(signature).find();
        if (!marked) {
            return false;
        }
        int length = node.text().trim().length();
        return length > 0 && length < 100;
    }

    /**
     * Loose phrasing content inside a div is wrapped in paragraphs; a div that holds a single paragraph
     * is replaced by it, and a div with no block inside becomes a paragraph itself.
     */
    private static Element reshapeDiv(Element div, List<Element> toScore) {
        wrapPhrasingRuns(div);
        if (DomWalk.hasSingleChild(div, "p") && TextStats.linkDensity(div) < 0.25) {
            Element p = div.child(0);
            div.replaceWith(p);
            toScore.add(p);
            return p;
        }
        if (!DomWalk.hasBlockChild(div)) {
            div.tagName("p");
            toScore.add(div);
        }
        return div;
    }

    private static void wrapPhrasingRuns(Element div) {
        Element p = null;
        for (Node child : new ArrayList<>(div.childNodes())) {
            if (DomWalk.isPhrasing(child)) {
                if (p != null) {
                    p.appendChild(child);
                } else if (!DomWalk.isWhitespace(child)) {
                    p = new Element("p");
                    child.before(p);
                    p.appendChild(child);
                }
            } else if (p != null) {
                trimTrailingWhitespace(p);
                p = null;
            }
        }
        if (p != null) {
            trimTrailingWhitespace(p);
        }
    }

    private static void trimTrailingWhitespace(Element p) {
        while (p.childNodeSize() > 0 && DomWalk.isWhitespace(p.childNode(p.childNodeSize() - 1))) {
            p.childNode(p.childNodeSize() - 1).remove();
        }
    }
}
