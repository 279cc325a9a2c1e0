package tyndau.ingest.scrape;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Normalises a page before content scoring: no scripts or styles, runs of line breaks become paragraphs. */
final class PagePrep {
    private PagePrep() {
    }

    static void prepare(Document doc) {
        doc.select("script, noscript, style, template, link").remove();
        for (Element font : doc.getElementsByTag("font")) {
            font.tagName("span");
        }
        for (Element br : doc.body().getElementsByTag("br")) {
            if (br.parent() != null) {
                breaksToParagraph(br);
            }
        }
    }

    /**
     * "text&lt;br&gt;&lt;br&gt;more text" is how many pages write paragraphs: two or more breaks in a row
     * become a paragraph holding the phrasing content that follows, up to the next double break.
     */
    private static void breaksToParagraph(Element br) {
        boolean doubled = false;
        Node next = skipBlankText(br.nextSibling());
        while (next instanceof Element e && "br".equals(e.normalName())) {
            doubled = true;
            Node after = e.nextSibling();
            e.remove();
            next = skipBlankText(after);
        }
        if (!doubled) {
            return;
        }
        Element p = new Element("p");
        br.replaceWith(p);
        Node n = p.nextSibling();
        while (n != null) {
            if (n instanceof Element e && "br".equals(e.normalName())) {
                Node following = skipBlankText(e.nextSibling());
                if (following instanceof Element f && "br".equals(f.normalName())) {
                    break;
                }
            }
            if (!DomWalk.isPhrasing(n)) {
                break;
            }
            Node sibling = n.nextSibling();
            p.appendChild(n);
            n = sibling;
        }
        while (p.childNodeSize() > 0 && DomWalk.isWhitespace(p.childNode(p.childNodeSize() - 1))) {
            p.childNode(p.childNodeSize() - 1).remove();
        }
        Element parent = p.parent();
        if (parent != null && "p".equals(parent.normalName())) {
            parent.tagName("div");
        }
    }

    private static Node skipBlankText(Node n) {
        while (n instanceof TextNode t && t.isBlank()) {
            n = n.nextSibling();
        }
        return n;
    }
}
