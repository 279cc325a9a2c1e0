package tyndau.ingest.scrape;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Content scores of candidate containers: each paragraph-like block gives points (one, plus its commas,
 * plus one per hundred characters up to three) to its parent in full, its grandparent in half and
 * further ancestors in smaller shares; a container starts from its tag and class hints.
 */
final class CandidateScores {
    private static final int ANCESTOR_LEVELS = 5;
    private static final int MIN_BLOCK_CHARS = 25;

    private final Map<Element, Double> scores = new IdentityHashMap<>();
    private final List<Element> candidates = new ArrayList<>();
    private final boolean weightClasses;

    CandidateScores(boolean weightClasses) {
        this.weightClasses = weightClasses;
    }

    void scoreBlocks(List<Element> blocks) {
        for (Element block : blocks) {
            if (block.parent() == null) {
                continue;
            }
            String text = TextStats.text(block);
            if (text.length() < MIN_BLOCK_CHARS) {
                continue;
            }
            double points = 1 + TextStats.commas(text) + Math.min(text.length() / 100, 3);
            int level = 0;
            for (Element ancestor = block.parent(); ancestor != null && level < ANCESTOR_LEVELS;
                    ancestor = ancestor.parent(), level++) {
                if (ancestor instanceof Document || ancestor.parent() == null || ancestor.parent() instanceof Document) {
                    break;
                }
                if (!scores.containsKey(ancestor)) {
                    initialise(ancestor);
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(ancestor, points / divider, Double::sum);
            }
        }
        for (Element c : candidates) {
            scores.computeIfPresent(c, (e, s) -> s * (1 - TextStats.linkDensity(e)));
        }
    }

    /** The best {@code n} candidates, best first. */
    List<Element> top(int n) {
        return candidates.stream()
                .sorted(Comparator.comparingDouble((Element e) -> scores.get(e)).reversed())
                .limit(n).toList();
    }

    boolean isScored(Element e) {
        return scores.containsKey(e);
    }

    double score(Element e) {
        return scores.getOrDefault(e, 0.0);
    }

    void initialise(Element e) {
        double base = switch (e.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        scores.put(e, base + ContentHints.classWeight(e, weightClasses));
    }
}
