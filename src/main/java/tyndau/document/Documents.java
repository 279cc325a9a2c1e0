package tyndau.document;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tyndau.Row;

/**
 * The document table's queries for the rest of the service, in the caller's transaction: the one place that knows
 * its columns (the index reads rows through {@link DocumentRows}; the writer owns inserts).
 */
public final class Documents {
    private Documents() {
    }

    /** The rows with these ids, by id (missing ids are absent). */
    public static Map<Long, Document> byIds(Collection<Long> ids) {
        Map<Long, Document> out = new HashMap<>();
        if (!ids.isEmpty()) {
            Row.list(Document.class, "id in ?1", ids).forEach(d -> out.put(d.id, d));
        }
        return out;
    }

    /** What a citation shows of a document (an episode's evidence, response, announcement): no text. */
    public record Cited(long id, String sourceId, String url, String title, Instant publishedAt) {
    }

    /** The citations of {@code ids} (ids no longer stored are absent), in one statement that reads no bodies. */
    public static Map<Long, Cited> cited(Collection<Long> ids) {
        Map<Long, Cited> out = new HashMap<>();
        if (!ids.isEmpty()) {
            Row.em().createQuery(
                            "select d.id, d.sourceId, d.url, d.title, d.publishedAt from Document d where d.id in :ids", Object[].class)
                    .setParameter("ids", ids).getResultList()
                    .forEach(r -> out.put((Long) r[0], new Cited((Long) r[0], (String) r[1], (String) r[2], (String) r[3], (Instant) r[4])));
        }
        return out;
    }

    /** Documents stored. */
    public static long count() {
        return Row.count(Document.class, "");
    }

    /** Documents stored from one source. */
    public static long countOfSource(String sourceId) {
        return Row.count(Document.class, "sourceId = ?1", sourceId);
    }

    /** Documents of one source fetched since {@code since}. */
    public static long countOfSourceSince(String sourceId, Instant since) {
        return Row.count(Document.class, "sourceId = ?1 and fetchedAt >= ?2", sourceId, since);
    }

    /** Which of these URL hashes are stored already. */
    public static Set<String> knownUrlHashes(Collection<String> hashes) {
        if (hashes.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(Row.em().createQuery("select d.urlHash from Document d where d.urlHash in :h", String.class)
                .setParameter("h", hashes).getResultList());
    }

    /** Up to {@code max} copies of a document, oldest first. */
    public static List<Document> copiesOf(long id, int max) {
        return Row.page(Document.class, "duplicateOf = ?1 order by publishedAt, id", 0, max, id);
    }

    /** How many copies of a document are stored. */
    public static long countCopiesOf(long id) {
        return Row.count(Document.class, "duplicateOf = ?1", id);
    }

    /** The earliest publication stored, or null. */
    public static Instant firstPublished() {
        return Row.em().createQuery("select min(d.publishedAt) from Document d", Instant.class).getSingleResult();
    }
}
