package tyndau.document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored document as the index and the alert rules see it: the database row's values, its source's
 * role and side, and what its one reading found (tone, topics, topic tones). Built by the writer and
 * handed downstream, or built from the row when the index catches up.
 */
public record DocumentRow(long id, long seq, String source, String role, String side, String language, Instant published,
                          Double tone, Long duplicateOf, String title, String body, List<String> topics,
                          Map<String, Double> topicTones, ToneReading reading) {

    public DocumentRow(long id, long seq, String source, String role, String side, String language, Instant published,
                       Double tone, Long duplicateOf, String title, String body) {
        this(id, seq, source, role, side, language, published, tone, duplicateOf, title, body, List.of(), Map.of(), null);
    }

    public DocumentRow(long id, long seq, String source, String role, String side, String language, Instant published,
                       Double tone, Long duplicateOf, String title, String body, List<String> topics, Map<String, Double> topicTones) {
        this(id, seq, source, role, side, language, published, tone, duplicateOf, title, body, topics, topicTones, null);
    }

    public DocumentRow with(Analysis a) {
        return new DocumentRow(id, seq, source, role, side, language, published, a.tone(), duplicateOf, title, body, a.topics(),
                a.topicTones(), a.reading());
    }

    /** The same row under the id and sequence number the database gave it, linked to its original when a copy. */
    public DocumentRow stored(long newId, long newSeq, Long original) {
        return new DocumentRow(newId, newSeq, source, role, side, language, published, tone, original, title, body, topics,
                topicTones, reading);
    }

    /** Title and body as one text, as indexed and scored. */
    public String text() {
        return join(title, body);
    }

    /** The one rule for reading a title and a body as one text (analysis, language, tone): a blank line between. */
    public static String join(String title, String body) {
        return (title == null ? "" : title) + "\n\n" + (body == null ? "" : body);
    }
}
