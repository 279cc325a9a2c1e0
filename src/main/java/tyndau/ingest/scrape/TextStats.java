package tyndau.ingest.scrape;

import java.util.Set;
import org.jsoup.nodes.Element;

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

    /** Share of the text inside descendants with one of {@code tags}. */
    static double textDensity(Element e, Set<String> tags) {
        int total = length(e);
        if (total == 0) {
            return 0;
        }
        int inTags = 0;
        for (Element d : e.getAllElements()) {
            if (d != e && tags.contains(d.normalName())) {
                inTags += length(d);
            }
        }
        return (double) inTags / total;
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
