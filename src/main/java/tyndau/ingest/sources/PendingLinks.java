package tyndau.ingest.sources;

import tyndau.Row;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import tyndau.document.Hashes;

/**
 * The article links an html source owes (table {@code source_pending_link}): links beyond
 * {@code max-articles}, and links that failed for a reason that may pass, each with its tries and
 * when it is due again. A link leaves the list when it is fetched, refused for good, or given up.
 */
@ApplicationScoped
class PendingLinks {

    /** A link waiting, with its tries so far. */
    record Pending(URI uri, int attempts) {
    }

    /** What became of the links of one run. */
    static final class Changes {
        final List<URI> done = new ArrayList<>();
        final List<URI> waiting = new ArrayList<>();
        final List<Retry> retries = new ArrayList<>();

        record Retry(URI uri, int attempts, Instant due, String error) {
        }
    }

    /** Links due by {@code now}, oldest first, at most {@code limit}. */
    List<Pending> due(String sourceId, Instant now, int limit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Object[]> rows = em().createNativeQuery("SELECT url, attempts FROM source_pending_link WHERE source_id = ?1"
                            + " AND next_attempt_at <= ?2 ORDER BY first_seen_at, url_hash")
                    .setParameter(1, sourceId).setParameter(2, Timestamp.from(now)).setMaxResults(limit).getResultList();
            List<Pending> out = new ArrayList<>();
            for (Object[] r : rows) {
                out.add(new Pending(URI.create((String) r[0]), ((Number) r[1]).intValue()));
            }
            return out;
        });
    }

    /** Whether any link is due by {@code now}. */
    boolean anyDue(String sourceId, Instant now) {
        return !due(sourceId, now, 1).isEmpty();
    }

    /** Records a run's changes in one transaction; answers how many links the source still owes. */
    long apply(String sourceId, Changes changes, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EntityManager em = em();
            for (URI done : changes.done) {
                em.createNativeQuery("DELETE FROM source_pending_link WHERE source_id = ?1 AND url_hash = ?2")
                        .setParameter(1, sourceId).setParameter(2, hash(done)).executeUpdate();
            }
            for (URI waiting : changes.waiting) {
                boolean known = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM source_pending_link WHERE source_id = ?1"
                        + " AND url_hash = ?2").setParameter(1, sourceId).setParameter(2, hash(waiting)).getSingleResult()).longValue() > 0;
                if (!known) {
                    insert(em, sourceId, waiting, now, 0, now, null);
                }
            }
            for (Changes.Retry r : changes.retries) {
                String error = r.error() == null ? "failed" : r.error().substring(0, Math.min(1000, r.error().length()));
                int updated = em.createNativeQuery("UPDATE source_pending_link SET attempts = ?3, next_attempt_at = ?4, last_error = ?5"
                                + " WHERE source_id = ?1 AND url_hash = ?2")
                        .setParameter(1, sourceId).setParameter(2, hash(r.uri())).setParameter(3, r.attempts())
                        .setParameter(4, Timestamp.from(r.due())).setParameter(5, error).executeUpdate();
                if (updated == 0) {
                    insert(em, sourceId, r.uri(), now, r.attempts(), r.due(), error);
                }
            }
            return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM source_pending_link WHERE source_id = ?1")
                    .setParameter(1, sourceId).getSingleResult()).longValue();
        });
    }

    /** Every link the source owes, due or not. */
    Set<String> all(String sourceId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> urls = em().createNativeQuery("SELECT url FROM source_pending_link WHERE source_id = ?1")
                    .setParameter(1, sourceId).getResultList();
            Set<String> out = new HashSet<>();
            urls.forEach(u -> out.add((String) u));
            return out;
        });
    }

    private static void insert(EntityManager em, String sourceId, URI uri, Instant now, int attempts, Instant due, String error) {
        // No null is bound: a null of unknown type is refused by PostgreSQL as bytea.
        var insert = em.createNativeQuery("INSERT INTO source_pending_link (source_id, url_hash, url, first_seen_at, attempts, next_attempt_at"
                        + (error == null ? ") VALUES (?1, ?2, ?3, ?4, ?5, ?6)" : ", last_error) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)"))
                .setParameter(1, sourceId).setParameter(2, hash(uri)).setParameter(3, uri.toString())
                .setParameter(4, Timestamp.from(now)).setParameter(5, attempts).setParameter(6, Timestamp.from(due));
        if (error != null) {
            insert.setParameter(7, error.substring(0, Math.min(1000, error.length())));
        }
        insert.executeUpdate();
    }

    private static String hash(URI uri) {
        return Hashes.sha256(uri.toString());
    }

    private static EntityManager em() {
        return Row.em();
    }
}
