package tyndau.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tyndau.Row;
import tyndau.source.Side;
import tyndau.source.Source;

/**
 * The document table as the index reads it: rows in sequence order with their source's role and side, each
 * analysed (tone, topics, topic tones), so that the index is a projection of the database that never reads or
 * writes the table itself. A re-scoring's new tone is written back here, to its own columns only.
 */
@ApplicationScoped
public class DocumentRows {
    private final Analyser analyser;
    private final Side side;

    DocumentRows(Analyser analyser, Side side) {
        this.analyser = analyser;
        this.side = side;
    }

    /**
     * Up to {@code max} rows above {@code seq}, in sequence order, analysed ({@code rescore}: tone read again and a
     * changed one written back), in one short transaction of their own.
     */
    public List<DocumentRow> after(long seq, int max, boolean rescore) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Document> docs = Row.page(Document.class, "seq > ?1 order by seq", 0, max, seq);
            return analysed(docs, rescore);
        });
    }

    /** Each row with its source's role and side, analysed ({@code rescore}: a changed tone written back). */
    private List<DocumentRow> analysed(List<Document> docs, boolean rescore) {
        if (docs.isEmpty()) {
            return List.of();
        }
        Map<String, Source> sources = sources();
        List<DocumentRow> rows = new ArrayList<>(docs.size());
        for (Document d : docs) {
            DocumentRow row = rowOf(d, sources.get(d.sourceId));
            Analysis a = analyser.analyse(row, rescore);
            writeBack(d, a);
            rows.add(row.with(a));
        }
        return rows;
    }

    /**
     * The rows of {@code ids} still stored, analysed (stored tones kept), in sequence order, in one short transaction:
     * what a topic edit reads again.
     */
    public List<DocumentRow> byIds(java.util.Collection<Long> ids) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Document> docs = new ArrayList<>(Documents.byIds(ids).values());
            docs.sort(java.util.Comparator.comparingLong(d -> d.seq));
            return analysed(docs, false);
        });
    }

    /**
     * A re-scoring writes a changed tone and its reading back to the row (same seq: the index gets it as it reads it),
     * those columns only: the entity read stays untouched, so no whole-row update follows ({@link Document#rescored}).
     */
    static void writeBack(Document d, Analysis a) {
        if (!Objects.equals(d.tone, a.tone()) || !Objects.equals(d.reading(), a.reading())) {
            Document.rescored(d.id, a.tone(), a.reading());
        }
    }

    /** A stored document as the index and the listings read it: with its source's role and side. */
    public DocumentRow rowOf(Document d, Source s) {
        return new DocumentRow(d.id, d.seq, d.sourceId, s.role.wire(), side.of(s.role), d.language, d.publishedAt,
                d.tone, d.duplicateOf, d.title, d.body, List.of(), Map.of(), d.reading(), DocumentRow.Keys.of(d), d.eventId);
    }

    /** Every source by id (a few hundred at most). */
    public static Map<String, Source> sources() {
        Map<String, Source> out = new HashMap<>();
        Row.list(Source.class, "").forEach(s -> out.put(s.id, s));
        return out;
    }
}
