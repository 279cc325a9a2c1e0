package tyndau.index;

import java.util.ArrayList;
import java.util.List;
import tyndau.document.DocumentRow;
import java.util.Set;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.SortedSetDocValuesField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.util.BytesRef;

/** Every field of the Lucene index, and why it has its type. Nothing else names index fields. */
public final class IndexSchema {
    /** Database id: StringField (exact term for updateDocument) + stored, to go from a hit back to the row. */
    public static final String ID = "id";
    /** Database sequence number: NumericDocValues, so a reader can tell how fresh each document is. */
    public static final String SEQ = "seq";
    /** Source id: StringField to filter, SortedDocValues to facet without loading stored fields. */
    public static final String SOURCE = "source";
    /** Source role (government, state_media, ...): as SOURCE. */
    public static final String ROLE = "role";
    /** Side the role counts on (public, government, none): as SOURCE; timelines bucket by it. */
    public static final String SIDE = "side";
    /** Language code ("und" when unknown): as SOURCE; also chooses the stemmed text field. */
    public static final String LANG = "lang";
    /** Publication time, epoch ms: LongPoint for range filters, NumericDocValues for bucketing and sorting. Absent when undateable. */
    public static final String PUBLISHED = "published";
    /** "true" when undateable: StringField so a filter can include or exclude them. */
    public static final String UNDATEABLE = "undateable";
    /** Id of the original when this is a near-duplicate: StringField to filter, NumericDocValues so counting skips copies in the same pass. */
    public static final String DUPLICATE_OF = "duplicate_of";
    /**
     * The event the document reports (issue 31), absent for rows stored without one: StringField to filter (an event's
     * reports), NumericDocValues so a timeline counts distinct events per day and side in its one pass. Rows of an
     * event later merged keep the absorbed id here until re-indexed: readers resolve it (tyndau.document.EventRedirect).
     */
    public static final String EVENT = "event";
    /** Tone in [-1, 1]: DoubleDocValues, averaged per bucket without stored fields. Absent until scored. */
    public static final String TONE = "tone";
    /** The article's tone label (positive, neutral, negative; absent when untoned): as SOURCE, so it filters and facets. */
    public static final String TONE_LABEL = "tone_label";
    /** Tone of the sentences about a topic, one DoubleDocValues field per topic the document matches ({@code tone_topic.<id>}). */
    public static final String TOPIC_TONE_PREFIX = "tone_topic.";
    /**
     * Ids of the topics the document matched when it was indexed: StringField to filter, stored so read
     * paths show a document's topics without re-running every topic (a topic edit re-indexes), and
     * SortedSetDocValues so search facets count topics in the same pass as the other fields.
     */
    public static final String TOPIC = "topic";
    /**
     * Title and body analysed by the document's language ({@code text_kk}, {@code text_ru}, ...):
     * stored with offsets in the postings, so highlights come from the index without re-analysis.
     */
    public static final String TEXT_PREFIX = "text_";
    /**
     * The body's LSH band keys as {@code <band>:<key>} (eight per document, none for a text too short to judge) and the
     * hash of title and text: StringFields, not stored, so the writer finds a story's copies in the index
     * ({@link tyndau.document.IndexedPrints}) and the database keeps no index on them.
     */
    public static final String BAND = "band";
    public static final String CONTENT_HASH = "content_hash";
    /** Title and body as lower-cased words in every document: exact forms across languages; stored only when no stemmed field is. */
    public static final String TEXT_ANY = "text_any";

    /** Fields holding whole values, never tokenised (queries on them must not be analysed either). */
    public static final Set<String> KEYWORD_FIELDS = Set.of(ID, SOURCE, ROLE, SIDE, LANG, UNDATEABLE, DUPLICATE_OF, EVENT, TOPIC, TONE_LABEL,
            BAND, CONTENT_HASH);

    private static final FieldType TEXT_STORED = textType(true);
    private static final FieldType TEXT_UNSTORED = textType(false);

    private static FieldType textType(boolean stored) {
        FieldType t = new FieldType();
        t.setTokenized(true);
        t.setStored(stored);
        // Lucene wants one set of index options per field across documents, and TEXT_ANY is stored in
        // some documents only: both types carry offsets.
        t.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        t.freeze();
        return t;
    }

    private IndexSchema() {
    }

    public static Document toLucene(DocumentRow r) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(r.id()), Field.Store.YES));
        doc.add(new NumericDocValuesField(SEQ, r.seq()));
        keyword(doc, SOURCE, r.source());
        keyword(doc, ROLE, r.role());
        keyword(doc, SIDE, r.side());
        keyword(doc, LANG, r.language() == null ? "und" : r.language());
        if (r.published() == null) {
            doc.add(new StringField(UNDATEABLE, "true", Field.Store.NO));
        } else {
            long ms = r.published().toEpochMilli();
            doc.add(new LongPoint(PUBLISHED, ms));
            doc.add(new NumericDocValuesField(PUBLISHED, ms));
        }
        if (r.duplicateOf() != null) {
            doc.add(new StringField(DUPLICATE_OF, Long.toString(r.duplicateOf()), Field.Store.NO));
            doc.add(new NumericDocValuesField(DUPLICATE_OF, r.duplicateOf()));
        }
        if (r.event() != null) {
            doc.add(new StringField(EVENT, Long.toString(r.event()), Field.Store.NO));
            doc.add(new NumericDocValuesField(EVENT, r.event()));
        }
        if (r.tone() != null) {
            doc.add(new DoubleDocValuesField(TONE, r.tone()));
        }
        keyword(doc, TONE_LABEL, r.reading() == null ? null : r.reading().label());
        for (String topic : r.topics()) {
            doc.add(new StringField(TOPIC, topic, Field.Store.YES));
            doc.add(new SortedSetDocValuesField(TOPIC, new BytesRef(topic)));
        }
        r.topicTones().forEach((topic, tone) -> doc.add(new DoubleDocValuesField(TOPIC_TONE_PREFIX + topic, tone)));
        if (r.keys().bands() != null) {
            for (int i = 0; i < r.keys().bands().length; i++) {
                doc.add(new StringField(BAND, bandTerm(i, r.keys().bands()[i]), Field.Store.NO));
            }
        }
        if (r.keys().contentHash() != null) {
            doc.add(new StringField(CONTENT_HASH, r.keys().contentHash(), Field.Store.NO));
        }
        String text = r.text();
        String stemmed = Analyzers.fieldOf(r.language());
        if (stemmed != null) {
            doc.add(new Field(stemmed, text, TEXT_STORED));
            doc.add(new Field(TEXT_ANY, text, TEXT_UNSTORED));
        } else {
            doc.add(new Field(TEXT_ANY, text, TEXT_STORED));
        }
        return doc;
    }

    /** The term of band {@code band}'s key {@code key}. */
    public static String bandTerm(int band, int key) {
        return band + ":" + key;
    }

    /** The topics stored with a hit (empty for documents indexed before topics were stored). */
    public static List<String> topicsOf(Document stored) {
        List<String> out = new ArrayList<>();
        for (String v : stored.getValues(TOPIC)) {
            out.add(v);
        }
        return out;
    }

    private static void keyword(Document doc, String field, String value) {
        if (value == null) {
            return;
        }
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
