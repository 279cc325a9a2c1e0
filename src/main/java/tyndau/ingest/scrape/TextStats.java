package tyndau.ingest.scrape;

import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Measures of a block's text used in scoring: length, commas, and how much of it is links or given tags. */
final class TextStats {
    private TextStats() {
    }

    /** Visible text with whitespace collapsed, as a reader would count it. */
    static String text(Element e) {
        return e.text();
    }

    static int length(Element e) {
        return e.text().length();
    }

    /** Commas in any script that uses them (Latin, Arabic, CJK full-width …): a sign of running prose. */
    static int commas(String text) {
        int n = 0;
        for (int i = 0; i < text.length(); i++) {
            switch (text.charAt(i)) {
                case ',', '\u060C', '\uFE50', '\uFE10', '\uFE11', '\u2E41', '\u2E34', '\u2E32', '\uFF0C' -> n++;
                default -> {
                }
            }
        }
        return n;
    }

    /** Share of the text that sits inside links; in-page anchors ("#…") count less, they are often footnotes. */
    static double linkDensity(Element e) {
        int total = length(e);
        if (total == 0) {
            return 0;
        }
        double inLinks = 0;
        for (Element a : e.getElementsByTag("a")) {
            double weight = a.attr("href").startsWith("#") ? 0.3 : 1;
            inLinks += a.text().length() * weight;
        }
        return inLinks / total;
    }

    /**
     * Share of the text inside descendants with one of {@code tags}, each character counted once
     * however deeply such descendants nest (one pass, so a deeply nested page stays linear).
     */
    static double textDensity(Element e, Set<String> tags) {
        int total = length(e);
        if (total == 0) {
            return 0;
        }
        int[] inTags = {0};
        int[] openTags = {0};
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element el && node != e && tags.contains(el.normalName())) {
                    openTags[0]++;
                } else if (node instanceof TextNode t && openTags[0] > 0) {
                    inTags[0] += t.text().trim().length();
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element el && node != e && tags.contains(el.normalName())) {
                    openTags[0]--;
                }
            }
        }, e);
        return Math.min(1.0, (double) inTags[0] / total);
    }

    /** Whether an ancestor within {@code maxDepth} levels (all levels when negative) has the tag. */
    static boolean hasAncestor(Element e, String tag, int maxDepth) {
        int depth = 0;
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (maxDepth >= 0 && depth++ >= maxDepth) {
                return false;
            }
            if (tag.equals(p.normalName())) {
                return true;
            }
        }
        return false;
    }
}
