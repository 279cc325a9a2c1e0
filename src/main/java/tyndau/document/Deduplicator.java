package tyndau.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Same-story detection beyond URL and GUID, run by {@link DocumentWriter} under its lock. A copy
 * (syndication, a re-post at another address, a near-identical rewrite, from any source) is judged
 * on the body: MinHash Jaccard of word 3-shingles ≥ {@code min-similarity}, or ≥
 * {@code title-similarity} when the titles agree as well, or the very same title and text (short
 * texts included). A copy is stored and linked to the original; nothing is discarded for its title.
 * Candidates for a whole batch come from the index's copy keys and the rows it does not hold yet, reading no bodies.
 */
@ApplicationScoped
class Deduplicator {
    private final EntityManager em;
    private final DedupeConfig config;
    private final IndexedPrints index;

    Deduplicator(tyndau.Database db, DedupeConfig config, IndexedPrints index) {
        this.em = db.em();
        this.config = config;
        this.index = index;
    }

    /** A document as dedupe sees it: no text, only its keys. */
    record Print(long id, String sourceId, Instant when, String titleKey, String contentHash, long[] minhash, Long duplicateOf) {
        static Print of(Document d) {
            return new Print(d.id == null ? -1 : d.id, d.sourceId, timeOf(d.publishedAt, d.fetchedAt), d.titleKey, d.contentHash,
                    Fingerprints.decode(d.minhash), d.duplicateOf);
        }
    }

    /** The original a copy is linked to, and why. */
    record Link(long original, String reason) {
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

    /**
     * Stored documents that may be copies of, or originals for, any row of {@code batch}: those
     * sharing an LSH band or the exact title and text, published within the window of the batch.
     */
    List<Print> candidates(List<Document> batch) {
        if (config.minSimilarity() > 1 || batch.isEmpty()) {
            return List.of();
        }
        Instant min = null;
        Instant max = null;
        List<Set<Integer>> bands = new ArrayList<>();
        for (int i = 0; i < Fingerprints.BANDS; i++) {
            bands.add(new HashSet<>());
        }
        Set<String> contents = new HashSet<>();
        for (Document d : batch) {
            Instant t = timeOf(d.publishedAt, d.fetchedAt);
            min = min == null || t.isBefore(min) ? t : min;
            max = max == null || t.isAfter(max) ? t : max;
            contents.add(d.contentHash);
            if (d.minhash != null) {
                int[] b = {d.band0, d.band1, d.band2, d.band3, d.band4, d.band5, d.band6, d.band7};
                for (int i = 0; i < b.length; i++) {
                    bands.get(i).add(b[i]);
                }
            }
        }
        Instant from = min.minus(config.nearWindow());
        Instant to = max.plus(config.nearWindow());
        // The index finds the rows it holds by their keys (read back by id); the rows after what it holds are read by
        // sequence number (at most the few batches the index is behind) and their keys tested here. The table keeps no
        // index on the band keys: eight B-trees were half of an insert.
        IndexedPrints.Found indexed = index.find(bands, contents);
        String columns = "select id, source_id, published_at, fetched_at, title_key, content_hash, minhash, duplicate_of, "
                + "band0, band1, band2, band3, band4, band5, band6, band7 from document where ";
        Map<Long, Print> found = new HashMap<>();
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement byId = c.prepareStatement(columns + "id = ANY(?)");
                 java.sql.PreparedStatement bySeq = c.prepareStatement(columns + "seq > ?")) {
                byId.setArray(1, c.createArrayOf("BIGINT", indexed.ids().toArray(Long[]::new)));
                read(byId, from, to, null, null, found);
                bySeq.setLong(1, indexed.coveredSeq());
                read(bySeq, from, to, bands, contents, found);
            }
        });
        return new ArrayList<>(found.values());
    }

    /**
     * Adds the rows of {@code query} published within [from, to] (the window is applied here: an OR over publication
     * and fetch times in SQL keeps the database from using an index); with {@code bands}, only rows sharing a band key
     * or a content hash.
     */
    private static void read(java.sql.PreparedStatement query, Instant from, Instant to, List<Set<Integer>> bands,
                             Set<String> contents, Map<Long, Print> found) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = query.executeQuery()) {
            while (rs.next()) {
                if (bands != null && !contents.contains(rs.getString(6)) && !sharesBand(rs, bands)) {
                    continue;
                }
                long id = rs.getLong(1);
                Instant when = timeOf(instant(rs, 3), instant(rs, 4));
                if (!when.isBefore(from) && !when.isAfter(to)) {
                    long dup = rs.getLong(8);
                    Long original = rs.wasNull() ? null : dup;
                    found.putIfAbsent(id, new Print(id, rs.getString(2), when, rs.getString(5), rs.getString(6),
                            Fingerprints.decode(rs.getString(7)), original));
                }
            }
        }
    }

    private static boolean sharesBand(java.sql.ResultSet rs, List<Set<Integer>> bands) throws java.sql.SQLException {
        for (int i = 0; i < bands.size(); i++) {
            int key = rs.getInt(9 + i);
            if (!rs.wasNull() && bands.get(i).contains(key)) {
                return true;
            }
        }
        return false;
    }

    private static Instant instant(java.sql.ResultSet rs, int column) throws java.sql.SQLException {
        java.time.OffsetDateTime t = rs.getObject(column, java.time.OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    /** The original {@code d} is a copy of, among {@code candidates}: the earliest close one, followed to its own original. */
    Optional<Link> originalOf(Document d, List<Print> candidates) {
        if (config.minSimilarity() > 1) {
            return Optional.empty();
        }
        Print self = Print.of(d);
        Instant from = self.when().minus(config.nearWindow());
        Instant to = self.when().plus(config.nearWindow());
        Print best = null;
        String why = null;
        for (Print c : candidates) {
            if (c.when().isBefore(from) || c.when().isAfter(to)) {
                continue;
            }
            String reason = sameStory(self, c);
            if (reason != null && (best == null || earlier(c, best))) {
                best = c;
                why = reason;
            }
        }
        if (best == null) {
            return Optional.empty();
        }
        long original = best.duplicateOf() != null ? best.duplicateOf() : best.id();
        return Optional.of(new Link(original, why + (original == best.id() ? "" : " (itself a copy of document " + original + ")")));
    }

    /** Why {@code a} and {@code b} tell the same story, or null when they do not. */
    private String sameStory(Print a, Print b) {
        if (a.contentHash() != null && a.contentHash().equals(b.contentHash())) {
            return "same title and text as document " + b.id();
        }
        if (a.minhash() == null || b.minhash() == null) {
            return null;
        }
        double sim = Fingerprints.similarity(a.minhash(), b.minhash());
        boolean sameTitle = a.titleKey() != null && a.titleKey().equals(b.titleKey());
        if (sim >= config.minSimilarity() || (sameTitle && sim >= config.titleSimilarity())) {
            return String.format(Locale.ROOT, "same story as document %d: bodies %.2f alike (MinHash)%s", b.id(), sim,
                    sameTitle ? ", same title" : "");
        }
        return null;
    }

    private static boolean earlier(Print candidate, Print best) {
        int byTime = candidate.when().compareTo(best.when());
        return byTime < 0 || (byTime == 0 && candidate.id() < best.id());
    }

    static Instant timeOf(Instant published, Instant fetched) {
        return published != null ? published : fetched;
    }
}
