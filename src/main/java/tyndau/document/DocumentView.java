package tyndau.document;

import java.time.Instant;
import java.util.List;

/**
 * A document as the API shows it (docs/api.md, "Shapes"); {@code published} is null exactly when undateable;
 * {@code tone} is null when the scorer could read nothing in it (no signal, not neutral);
 * {@code toneLabel} and {@code toneConfidence} read the tone as a label ({@link ToneReading});
 * {@code toneWords} (the document endpoint only) are the lexicon words that pushed the tone, and
 * {@code topicSentences} the sentences that carried each matched topic's tone; {@code event} the event it reports
 * (issue 31; null only for documents stored without events).
 */
public record DocumentView(
        long id,
        long seq,
        String source,
        String role,
        String side,
        String url,
        String guid,
        String title,
        Instant published,
        boolean undateable,
        Instant fetched,
        String language,
        Double tone,
        String toneLabel,
        Double toneConfidence,
        List<String> topics,
        Long duplicateOf,
        String duplicateReason,
        String body,
        String bodyHtml,
        List<ToneExplainer.ToneWord> toneWords,
        java.util.Map<String, List<Analyser.TopicSentence>> topicSentences,
        Long event) {
}
