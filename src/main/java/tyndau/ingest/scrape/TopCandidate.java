package tyndau.ingest.scrape;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Picks the container that holds the article: the best-scored candidate, moved up to a common ancestor
 * when several strong candidates share one (an article split into sections), or to a parent that
 * scores better or is only a wrapper around it.
 */
final class TopCandidate {
    private static final int CONSIDERED = 5;
    private static final int MIN_SHARING = 3;

    private TopCandidate() {
    }

    /** The chosen container; when no candidate stands out, a div made of the whole body. */
    static Element choose(Document doc, CandidateScores scores) {
        List<Element> top = scores.top(CONSIDERED);
        Element best = top.isEmpty() ? null : top.get(0);
        if (best == null || "body".equals(best.normalName())) {
            return wrapBody(doc, scores);
        }
        best = commonAncestorOfStrongCandidates(best, top, scores);
        if (!scores.isScored(best)) {
            scores.initialise(best);
        }
        best = betterScoringParent(best, scores);
        Element parent = best.parent();
        while (parent != null && !"body".equals(parent.normalName()) && parent.childrenSize() == 1) {
            best = parent;
            parent = best.parent();
        }
        if (!scores.isScored(best)) {
            scores.initialise(best);
        }
        return best;
    }

    private static Element wrapBody(Document doc, CandidateScores scores) {
        Element div = doc.createElement("div");
        for (Node child : new ArrayList<>(doc.body().childNodes())) {
            div.appendChild(child);
        }
        doc.body().appendChild(div);
        scores.initialise(div);
        return div;
    }

    private static Element commonAncestorOfStrongCandidates(Element best, List<Element> top, CandidateScores scores) {
        double bestScore = scores.score(best);
        List<List<Element>> alternatives = new ArrayList<>();
        for (Element other : top.subList(1, top.size())) {
            if (scores.score(other) / bestScore >= 0.75) {
                alternatives.add(other.parents());
            }
        }
        if (alternatives.size() < MIN_SHARING) {
            return best;
        }
        for (Element p = best.parent(); p != null && !"body".equals(p.normalName()); p = p.parent()) {
            Element ancestor = p;
            long sharing = alternatives.stream().filter(a -> a.stream().anyMatch(x -> x == ancestor)).count();
            if (sharing >= MIN_SHARING) {
                return p;
            }
        }
        return best;
    }

    private static Element betterScoringParent(Element best, CandidateScores scores) {
        double last = scores.score(best);
        double floor = last / 3;
        for (Element p = best.parent(); p != null && !"body".equals(p.normalName()); p = p.parent()) {
            if (!scores.isScored(p)) {
                continue;
            }
            double score = scores.score(p);
            if (score < floor) {
                break;
            }
            if (score > last) {
                return p;
            }
            last = score;
        }
        return best;
    }
}
