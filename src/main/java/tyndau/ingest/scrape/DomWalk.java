package tyndau.ingest.scrape;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Document-order traversal that tolerates removing the current node, and the HTML content models it needs. */
final class DomWalk {
    /** Phrasing content (HTML §3.2.5.2.5): what may sit inside a paragraph. */
    static final Set<String> PHRASING = Set.of(
            "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em", "embed",
            "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object", "output", "progress",
            "q", "ruby", "samp", "script", "select", "small", "span", "strong", "sub", "sup", "textarea", "time",
            "var", "wbr");
    /** Elements that make a div a container of blocks rather than a paragraph in disguise. */
    static final Set<String> BLOCKS_IN_DIV = Set.of(
            "blockquote", "dl", "div", "img", "ol", "p", "pre", "table", "ul");

    private DomWalk() {
    }

    /** The next element in document order; {@code skipChildren} steps over the subtree of {@code e}. */
    static Element next(Element e, boolean skipChildren) {
        if (!skipChildren && e.firstElementChild() != null) {
            return e.firstElementChild();
        }
        for (Element n = e; n != null; n = n.parent()) {
            Element sibling = n.nextElementSibling();
            if (sibling != null) {
                return sibling;
            }
        }
        return null;
    }

    /** Removes {@code e} and answers the element that followed its subtree. */
    static Element removeAndNext(Element e) {
        Element next = next(e, true);
        e.remove();
        return next;
    }

    static boolean isPhrasing(Node n) {
        if (n instanceof TextNode) {
            return true;
        }
        if (!(n instanceof Element e)) {
            return false;
        }
        String tag = e.normalName();
        if (PHRASING.contains(tag)) {
            return true;
        }
        return ("a".equals(tag) || "del".equals(tag) || "ins".equals(tag))
                && e.childNodes().stream().allMatch(DomWalk::isPhrasing);
    }

    static boolean isWhitespace(Node n) {
        return n instanceof TextNode t && t.isBlank() || n instanceof Element e && "br".equals(e.normalName());
    }

    /** No text, and no children but line breaks and rules. */
    static boolean isEmptyBlock(Element e) {
        if (e.hasText()) {
            return false;
        }
        return e.children().stream().allMatch(c -> "br".equals(c.normalName()) || "hr".equals(c.normalName()));
    }

    static boolean hasBlockChild(Element e) {
        for (Element c : e.children()) {
            if (BLOCKS_IN_DIV.contains(c.normalName()) || hasBlockChild(c)) {
                return true;
            }
        }
        return false;
    }

    /** Exactly one child element, with the tag, and no text beside it. */
    static boolean hasSingleChild(Element e, String tag) {
        if (e.childrenSize() != 1 || !tag.equals(e.child(0).normalName())) {
            return false;
        }
        return e.textNodes().stream().allMatch(TextNode::isBlank);
    }
}
