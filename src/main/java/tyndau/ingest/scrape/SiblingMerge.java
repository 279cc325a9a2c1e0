package tyndau.ingest.scrape;

import java.util.ArrayList;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Gathers the chosen container and those of its siblings that also read as article: well-scored
 * ones, ones styled like it, and stray paragraphs of prose.
 */
final class SiblingMerge {
    private static final Set<String> KEEP_TAG = Set.of("div", "article", "section", "p", "ol", "ul");
    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    private SiblingMerge() {
    }

    static Element merge(Element top, CandidateScores scores) {
        Element article = new Element("div");
        double topScore = scores.score(top);
        double threshold = Math.max(10, topScore * 0.2);
        Element parent = top.parent();
        if (parent == null) {
            article.appendChild(top);
            return article;
        }
        for (Element sibling : new ArrayList<>(parent.children())) {
            if (sibling == top || belongs(sibling, top, topScore, threshold, scores)) {
                if (!KEEP_TAG.contains(sibling.normalName())) {
                    sibling.tagName("div");
                }
                article.appendChild(sibling);
            }
        }
        return article;
    }

    private static boolean belongs(Element sibling, Element top, double topScore, double threshold,
            CandidateScores scores) {
        double bonus = !top.className().isEmpty() && sibling.className().equals(top.className()) ? topScore * 0.2 : 0;
        if (scores.isScored(sibling) && scores.score(sibling) + bonus >= threshold) {
            return true;
        }
        if (!"p".equals(sibling.normalName())) {
            return false;
        }
        String text = TextStats.text(sibling);
        double links = TextStats.linkDensity(sibling);
        if (text.length() > 80) {
            return links < 0.25;
        }
        return !text.isEmpty() && links == 0 && SENTENCE_END.matcher(text).find();
    }
}
