package tyndau.document;

import tyndau.Row;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One stored news item or press release. The database row is the truth; the index is derived from it. */
@Entity
@Table(name = "document")
public class Document extends Row {
    /** The row with this id, or null. */
    public static Document findById(Long id) {
        return find(Document.class, id);
    }


    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "document_id")
    @SequenceGenerator(name = "document_id", sequenceName = "document_id_seq", allocationSize = 50)
    public Long id;

    /** Change number, assigned by {@link DocumentWriter} only; the index catches up by it. */
    public long seq;

    @Column(name = "source_id")
    public String sourceId;

    /** Canonical URL. */
    public String url;

    @Column(name = "url_hash")
    public String urlHash;

    public String guid;

    public String title;

    /** Plain text: what is indexed and scored. */
    public String body;

    /** Sanitised HTML when the document came as HTML; null otherwise. */
    @Column(name = "body_html")
    public String bodyHtml;

    /** Null exactly when {@link #undateable}: the fetch time is never used as a publication date. */
    @Column(name = "published_at")
    public Instant publishedAt;

    public boolean undateable;

    @Column(name = "fetched_at")
    public Instant fetchedAt;

    public String language;

    public Double tone;

    /** The tone as an article's label (positive, neutral, negative), null when untoned: {@link ToneReading}. */
    @Column(name = "tone_label")
    public String toneLabel;

    /** The probability of {@link #toneLabel}, in [0, 1]. */
    @Column(name = "tone_confidence")
    public Double toneConfidence;

    @Column(name = "content_hash")
    public String contentHash;

    /** The original this document is a near-duplicate of, when it is one. */
    @Column(name = "duplicate_of")
    public Long duplicateOf;

    /** Why this document was linked to {@link #duplicateOf} (similarity, same title and text); null when it is not a copy. */
    @Column(name = "duplicate_reason")
    public String duplicateReason;

    /** The event (issue 31) this document reports; a copy is in its original's. Null only for rows stored before events or with them off. */
    @Column(name = "event_id")
    public Long eventId;

    /** {@code tyndau.events.EventParameters#version()} of the assignment that gave {@link #eventId}. */
    @Column(name = "event_version")
    public String eventVersion;

    /** {@link Fingerprints#titleKey}: agreeing titles add evidence to a body's similarity (never make a copy alone). */
    @Column(name = "title_key")
    public String titleKey;

    /** {@link Fingerprints#minhash} of the body (hex), null when too short; band0..band7 are its LSH keys for look-up. */
    public String minhash;
    public Integer band0;
    public Integer band1;
    public Integer band2;
    public Integer band3;
    public Integer band4;
    public Integer band5;
    public Integer band6;
    public Integer band7;

    /** Stores the tone's reading (null: untoned). */
    public void setReading(ToneReading r) {
        toneLabel = r == null ? null : r.label();
        toneConfidence = r == null ? null : r.confidence();
    }

    /**
     * Writes a re-scoring's tone and reading to the row {@code id}: those three columns and nothing else, in the
     * caller's transaction. Whoever re-scores is not the writer and holds no lock; a whole-row update would write
     * back the {@code seq} it read, undoing a re-sequencing (a role change) that committed meanwhile, and replicas
     * that had passed the new number would never read the row again. Answers whether a row was updated.
     */
    public static boolean rescored(long id, Double tone, ToneReading reading) {
        return em().createQuery("update Document d set d.tone = :tone, d.toneLabel = :label, d.toneConfidence = :confidence"
                        + " where d.id = :id")
                .setParameter("tone", tone)
                .setParameter("label", reading == null ? null : reading.label())
                .setParameter("confidence", reading == null ? null : reading.confidence())
                .setParameter("id", id)
                .executeUpdate() == 1;
    }

    /** The stored reading, or null. */
    public ToneReading reading() {
        return toneLabel == null ? null : new ToneReading(toneLabel, toneConfidence == null ? 0 : toneConfidence);
    }
}
