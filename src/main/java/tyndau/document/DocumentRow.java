package tyndau.document;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A stored document as the index and the alert rules see it: the database row's values, its source's
 * role and side, and what its one reading found (tone, topics, topic tones). Built by the writer and
 * handed downstream, or built from the row when the index catches up. {@code event}: the event it reports (issue 31),
 * null for rows stored without one.
 */
public record DocumentRow(long id, long seq, String source, String role, String side, String language, Instant published,
                          Double tone, Long duplicateOf, String title, String body, List<String> topics,
                          Map<String, Double> topicTones, ToneReading reading, Keys keys, Long event) {

    /**
     * What copies of a story are looked up by: the body's LSH band keys (null when too short to judge) and the hash of
     * title and text. The index holds them (so the database keeps no index on them) for {@link IndexedPrints}.
     */
    public record Keys(int[] bands, String contentHash) {
        public static final Keys NONE = new Keys(null, null);

        /** A stored row's keys. */
        static Keys of(Document d) {
            int[] bands = d.minhash == null ? null : new int[] {d.band0, d.band1, d.band2, d.band3, d.band4, d.band5, d.band6, d.band7};
            return new Keys(bands, d.contentHash);
        }
    }

    public DocumentRow(long id, long seq, String source, String role, String side, String language, Instant published,
                       Double tone, Long duplicateOf, String title, String body, List<String> topics,
                       Map<String, Double> topicTones, ToneReading reading, Keys keys) {
        this(id, seq, source, role, side, language, published, tone, duplicateOf, title, body, topics, topicTones, reading, keys, null);
    }

    public DocumentRow(long id, long seq, String source, String role, String side, String language, Instant published,
                       Double tone, Long duplicateOf, String title, String body, List<String> topics,
                       Map<String, Double> topicTones, ToneReading reading) {
        this(id, seq, source, role, side, language, published, tone, duplicateOf, title, body, topics, topicTones, reading, Keys.NONE);
    }

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
                a.topicTones(), a.reading(), keys, event);
    }

    /** The same row in event {@code id} (issue 31). */
    DocumentRow inEvent(Long id) {
        return new DocumentRow(this.id, seq, source, role, side, language, published, tone, duplicateOf, title, body, topics,
                topicTones, reading, keys, id);
    }

    /** The same row as the database stored it: its id and sequence number, its original when a copy, its keys. */
    DocumentRow stored(Document d) {
        return new DocumentRow(d.id, d.seq, source, role, side, language, published, tone, d.duplicateOf, title, body, topics,
                topicTones, reading, Keys.of(d), d.eventId);
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
