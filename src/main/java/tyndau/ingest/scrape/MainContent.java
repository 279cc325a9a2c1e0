package tyndau.ingest.scrape;

import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The general main-content extractor, in the manner of Mozilla's Readability: score paragraph-like
 * blocks, credit their ancestors, take the best container with its article-like siblings, prune it,
 * and when that leaves too little text try again with looser rules, keeping the longest result.
 */
final class MainContent {
    /** Below this many characters an attempt is judged to have missed the article. */
    static final int ENOUGH_CHARS = 500;

    /** The extracted content (a detached element) and the byline block taken out of it (null when none). */
    record Extracted(Element content, String byline) {
    }

    private MainContent() {
    }

    /**
     * @param page     the page; not modified (every attempt works on a copy)
     * @param title    the article title, so a heading repeating it is not counted as body; may be null
     */
    static Optional<Extracted> extract(Document page, String title) {
        Document prepared = page.clone();
        if (prepared.body() == null) {
            return Optional.empty();
        }
        PagePrep.prepare(prepared);
        Extracted longest = null;
        int longestLength = -1;
        for (Pass pass : Pass.IN_ORDER) {
            Extracted attempt = attempt(prepared.clone(), pass, title);
            int length = TextStats.length(attempt.content());
            if (length >= ENOUGH_CHARS) {
                return Optional.of(attempt);
            }
            if (length > longestLength) {
                longest = attempt;
                longestLength = length;
            }
        }
        return longestLength > 0 ? Optional.of(longest) : Optional.empty();
    }

    private static Extracted attempt(Document doc, Pass pass, String title) {
        CandidateWalk.Result walk = CandidateWalk.walk(doc, pass, title);
        CandidateScores scores = new CandidateScores(pass.weightClasses());
        scores.scoreBlocks(walk.toScore());
        Element article = SiblingMerge.merge(TopCandidate.choose(doc, scores), scores);
        ContentCleaner.clean(article, pass);
        return new Extracted(article, walk.byline());
    }
}
