package tyndau.index;

import java.time.Instant;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.DoubleDocValuesField;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.util.BytesRef;

/** Every field of the Lucene index, and why it has its type. Nothing else names index fields. */
public final class IndexSchema {
    /** Database id: StringField (exact term for updateDocument) + stored, to go from a hit back to the row. */
    public static final String ID = "id";
    /** Source id: StringField to filter, SortedDocValues to facet without loading stored fields. */
    public static final String SOURCE = "source";
    /** Source role (government, state_media, ...): as SOURCE. */
    public static final String ROLE = "role";
    /** Side the role counts on (public, government, none): as SOURCE; timelines bucket by it. */
    public static final String SIDE = "side";
    /** Language code: as SOURCE; also chooses the analyser of the text fields. */
    public static final String LANG = "lang";
    /** Publication time, epoch ms: LongPoint for range filters, NumericDocValues for bucketing and sorting. Absent when undateable. */
    public static final String PUBLISHED = "published";
    /** "true" when undateable: StringField so a filter can include or exclude them. */
    public static final String UNDATEABLE = "undateable";
    /** Tone in [-1, 1]: DoubleDocValues, averaged per bucket without stored fields. Absent until scored. */
    public static final String TONE = "tone";
    /** Title, analysed: TextField, not stored (the database has it). */
    public static final String TITLE = "title";
    /** Title and body, analysed: the default search field. */
    public static final String TEXT = "text";

    private IndexSchema() {
    }

    /** The source-of-truth values a Lucene document is built from. */
    public record Row(long id, long seq, String source, String role, String side, String language, Instant published,
                      Double tone, String title, String body) {
    }

    public static Document toLucene(Row r) {
        Document doc = new Document();
        doc.add(new StringField(ID, Long.toString(r.id()), Field.Store.YES));
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
            doc.add(new StoredField(PUBLISHED, ms));
        }
        if (r.tone() != null) {
            doc.add(new DoubleDocValuesField(TONE, r.tone()));
        }
        doc.add(new TextField(TITLE, r.title(), Field.Store.NO));
        doc.add(new TextField(TEXT, r.title() + "\n\n" + (r.body() == null ? "" : r.body()), Field.Store.NO));
        return doc;
    }

    private static void keyword(Document doc, String field, String value) {
        if (value == null) {
            return;
        }
        doc.add(new StringField(field, value, Field.Store.NO));
        doc.add(new SortedDocValuesField(field, new BytesRef(value)));
    }
}
