package tyndau.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.FlushModeType;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Dedupe rules beyond URL and GUID, run by {@link DocumentWriter} under its lock. A re-post (same
 * normalised title, same source, within {@code tyndau.dedupe.title-window}) is not stored; a
 * syndicated copy (another source's body within {@code min-similarity} MinHash Jaccard, published within
 * {@code near-window}) is stored and linked to the original so that attention counts the story once.
 * Rows of the batch being written are checked in memory (they are not flushed yet).
 */
@ApplicationScoped
class Deduplicator {
    private final EntityManager em;
    private final DedupeConfig config;

    Deduplicator(EntityManager em, DedupeConfig config) {
        this.em = em;
        this.config = config;
    }

    /** Fills the fingerprint columns of a row about to be stored. */
    void fingerprint(Document d) {
        d.titleKey = Fingerprints.titleKey(d.title);
        long[] sig = Fingerprints.minhash(d.body, config.minWords());
        if (sig != null) {
            int[] b = Fingerprints.bands(sig);
            d.minhash = Fingerprints.encode(sig);
            d.band0 = b[0];
            d.band1 = b[1];
            d.band2 = b[2];
            d.band3 = b[3];
            d.band4 = b[4];
            d.band5 = b[5];
            d.band6 = b[6];
            d.band7 = b[7];
        }
    }

    /** The earlier document of the same source with the same title within the window, if any. */
    Optional<Long> samePost(Document d, List<Document> batch) {
        if (d.titleKey == null || config.titleWindow().isZero()) {
            return Optional.empty();
        }
        Instant t = when(d);
        Instant from = t.minus(config.titleWindow());
        Instant to = t.plus(config.titleWindow());
        for (Document b : batch) {
            if (b.sourceId.equals(d.sourceId) && d.titleKey.equals(b.titleKey) && within(when(b), from, to)) {
                return Optional.of(b.id);
            }
        }
        return em.createQuery("select d.id from Document d where d.sourceId = :s and d.titleKey = :k"
                        + " and ((d.publishedAt between :a and :b) or (d.publishedAt is null and d.fetchedAt between :a and :b))"
                        + " order by d.id", Long.class)
                .setFlushMode(FlushModeType.COMMIT)
                .setParameter("s", d.sourceId).setParameter("k", d.titleKey)
                .setParameter("a", from).setParameter("b", to)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    /** The original story this body is a syndicated copy of: the earliest close body of another source, followed to its own original. */
    Optional<Long> originalOf(Document d, List<Document> batch) {
        if (d.minhash == null || config.minSimilarity() > 1) {
            return Optional.empty();
        }
        Instant t = when(d);
        Instant from = t.minus(config.nearWindow());
        Instant to = t.plus(config.nearWindow());
        Document best = null;
        for (Document b : batch) {
            if (close(d, b) && within(when(b), from, to)) {
                best = earlier(best, b);
            }
        }
        // One indexed look-up per band (an OR over the eight columns would scan the table).
        int[] bands = {d.band0, d.band1, d.band2, d.band3, d.band4, d.band5, d.band6, d.band7};
        java.util.Map<Long, Document> found = new java.util.HashMap<>();
        for (int i = 0; i < bands.length; i++) {
            em.createQuery("select d from Document d where d.band" + i + " = :v and d.sourceId <> :s"
                            + " and d.publishedAt between :from and :to", Document.class)
                    .setFlushMode(FlushModeType.COMMIT)
                    .setParameter("v", bands[i]).setParameter("s", d.sourceId).setParameter("from", from).setParameter("to", to)
                    .getResultStream().forEach(x -> found.putIfAbsent(x.id, x));
        }
        for (Document b : found.values()) {
            if (close(d, b)) {
                best = earlier(best, b);
            }
        }
        return Optional.ofNullable(best).map(b -> b.duplicateOf != null ? b.duplicateOf : b.id);
    }

    private boolean close(Document d, Document other) {
        if (other.minhash == null || Objects.equals(other.sourceId, d.sourceId)) {
            return false;
        }
        long[] a = Fingerprints.decode(d.minhash);
        long[] b = Fingerprints.decode(other.minhash);
        return a != null && b != null && Fingerprints.similarity(a, b) >= config.minSimilarity();
    }

    private static Document earlier(Document best, Document candidate) {
        if (best == null) {
            return candidate;
        }
        int byTime = when(candidate).compareTo(when(best));
        return byTime < 0 || (byTime == 0 && candidate.id < best.id) ? candidate : best;
    }

    private static Instant when(Document d) {
        return d.publishedAt != null ? d.publishedAt : d.fetchedAt;
    }

    private static boolean within(Instant t, Instant from, Instant to) {
        return !t.isBefore(from) && !t.isAfter(to);
    }
}
