package tyndau.ingest.scrape;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** Whether a heading merely repeats the article title (it is then not part of the body). */
final class TitleSimilarity {
    private TitleSimilarity() {
    }

    static boolean headerRepeatsTitle(org.jsoup.nodes.Element node, String title) {
        String tag = node.normalName();
        if (!"h1".equals(tag) && !"h2".equals(tag)) {
            return false;
        }
        return similarity(title, node.text()) > 0.75;
    }

    /** 1 − the share of b's words (by characters) that do not occur in a. */
    static double similarity(String a, String b) {
        Set<String> inA = Set.copyOf(words(a));
        List<String> inB = words(b);
        if (inA.isEmpty() || inB.isEmpty()) {
            return 0;
        }
        String all = String.join(" ", inB);
        String unique = inB.stream().filter(w -> !inA.contains(w)).collect(Collectors.joining(" "));
        return 1 - (double) unique.length() / all.length();
    }

    private static List<String> words(String s) {
        return Arrays.stream(s.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+"))
                .filter(w -> !w.isEmpty()).toList();
    }
}
