package tyndau.document;

import tyndau.Row;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;
import tyndau.document.Analyser;
import tyndau.source.Side;
import tyndau.source.Source;

/**
 * The one path by which documents enter the database. Each new document is read once here, before
 * the lock ({@link Analyser}: tone, topics, topic tones); the result is stored (tone) and handed,
 * with the row, to the index after the commit ({@link DocumentsCommitted}), which indexes it and
 * passes it to the alert rules without reading it again. Writes are serialised so that sequence
 * numbers are committed in increasing order: the index catches up with "seq greater than the last
 * one I hold" and must never skip a row that commits late. Across instances on one PostgreSQL the
 * same holds through {@link tyndau.Database#lockWrites()}: a transaction-scoped advisory lock taken
 * before the sequence is read and released by the commit (docs/operate.md).
 */
@ApplicationScoped
public class DocumentWriter {
    private static final Logger LOG = Logger.getLogger(DocumentWriter.class);

    private final ReentrantLock lock = new ReentrantLock();
    /** Time spent reading documents (analysis), storing them, and handing them to the index (waiting when it is behind). */
    private final java.util.concurrent.atomic.AtomicLong readNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong storeNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong handOverNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong candidateNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong flushNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong insideNanos = new java.util.concurrent.atomic.AtomicLong();
    /** Events: keys read (summed over the reading threads) and reports assigned under the lock (with restoring). */
    private final java.util.concurrent.atomic.AtomicLong fingerprintNanos = new java.util.concurrent.atomic.AtomicLong();
    private final java.util.concurrent.atomic.AtomicLong assignNanos = new java.util.concurrent.atomic.AtomicLong();
    private final tyndau.Database db;
    private final EntityManager em;
    private final Event<DocumentsCommitted> committed;
    private final Analyser analyser;
    private final Deduplicator dedupe;
    private final Side side;
    private final EventGrouping events;

    DocumentWriter(tyndau.Database db, Event<DocumentsCommitted> committed, Analyser analyser, Deduplicator dedupe, Side side,
            EventGrouping events) {
        this.db = db;
        this.em = db.em();
        this.committed = committed;
        this.analyser = analyser;
        this.dedupe = dedupe;
        this.side = side;
        this.events = events;
    }

    /**
     * A document on its way in: its row (analysed once), its database entity (fingerprinted), and its event keys
     * (null: events off, undateable, or not read).
     */
    private record Prepared(NewDocument input, Document entity, DocumentRow row, tyndau.events.EventFingerprint event) {
    }

    /** Documents read and ready to store ({@link #prepare}); opaque to callers. */
    public static final class Batch {
        private final List<Prepared> prepared;

        private Batch(List<Prepared> prepared) {
            this.prepared = prepared;
        }

        /** The documents, in order. */
        public List<NewDocument> documents() {
            return prepared.stream().map(Prepared::input).toList();
        }
    }

    /** Stores what is new in {@code batch}, in one transaction; one outcome per input, in order. */
    public List<WriteOutcome> write(List<NewDocument> batch) {
        return write(prepare(batch));
    }

    /** Documents stored per transaction by {@link #writeAll} (the import's default batch size). */
    static final int BATCH = 500;

    /**
     * Stores a list of any length (a whole feed, a page of article links) in transactions of
     * {@value #BATCH}, reading the next batch while the previous one is stored, as an import does; one
     * outcome per input, in order.
     */
    public List<WriteOutcome> writeAll(List<NewDocument> docs) {
        if (docs.size() <= BATCH) {
            return write(docs);
        }
        List<WriteOutcome> out = new ArrayList<>(docs.size());
        Batch next = prepare(docs.subList(0, BATCH));
        for (int from = 0; from < docs.size(); from += BATCH) {
            int after = from + BATCH;
            java.util.concurrent.CompletableFuture<Batch> reading = after < docs.size()
                    ? java.util.concurrent.CompletableFuture.supplyAsync(() -> prepare(docs.subList(after, Math.min(docs.size(), after + BATCH))))
                    : null;
            out.addAll(write(next));
            try {
                next = reading == null ? null : reading.join();
            } catch (java.util.concurrent.CompletionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : e;
            }
        }
        return out;
    }

    /**
     * Reads each document of {@code batch} once (outside the writer's lock, on every core), so that a
     * caller can read the next batch while the previous one is stored ({@link #write(Batch)}).
     */
    public Batch prepare(List<NewDocument> batch) {
        long t0 = System.nanoTime();
        Batch b = new Batch(batch.isEmpty() ? List.of() : prepareAll(batch));
        readNanos.addAndGet(System.nanoTime() - t0);
        return b;
    }

    /** Stores a prepared batch, in one transaction; one outcome per input, in order. */
    public List<WriteOutcome> write(Batch b) {
        if (b.prepared.isEmpty()) {
            return List.of();
        }
        List<Prepared> prepared = inPublicationOrder(b.prepared);
        long t1 = System.nanoTime();
        List<WriteOutcome> outcomes;
        List<DocumentRow> rows = new ArrayList<>();
        long maxSeq;
        lock.lock();
        try {
            try {
                outcomes = QuarkusTransaction.requiringNew().call(() -> store(prepared, rows));
            } catch (RuntimeException e) {
                events.forget();
                // One bad row must not cost the others: retry one by one and reject only what fails.
                LOG.warnf(e, "batch of %d documents failed; storing them one by one", prepared.size());
                rows.clear();
                outcomes = new ArrayList<>(prepared.size());
                for (Prepared p : prepared) {
                    List<DocumentRow> one = new ArrayList<>(1);
                    try {
                        p.entity().id = null;
                        outcomes.add(QuarkusTransaction.requiringNew().call(() -> store(List.of(p), one)).get(0));
                        rows.addAll(one);
                    } catch (RuntimeException single) {
                        events.forget();
                        LOG.warnf(single, "document %s could not be stored", p.input().url());
                        outcomes.add(refusedRow(single) ? WriteOutcome.rejected("the database refused this document")
                                : WriteOutcome.failed("the database failed to store it (for its own reason, not the document's)"));
                    }
                }
            }
            maxSeq = rows.isEmpty() ? 0 : rows.get(rows.size() - 1).seq();
        } finally {
            lock.unlock();
        }
        long t2 = System.nanoTime();
        storeNanos.addAndGet(t2 - t1);
        if (!rows.isEmpty()) {
            committed.fire(new DocumentsCommitted(maxSeq, rows));
        }
        handOverNanos.addAndGet(System.nanoTime() - t2);
        return inInputOrder(b.prepared, prepared, outcomes);
    }

    /**
     * The batch as it is stored: in order of publication (those without a time last, ties as given), so that sequence
     * numbers, the choice of an original among copies and the events follow the order things happened even when a file
     * or a feed lists them otherwise (grouped by story, newest first). The event assigner takes reports in that order.
     */
    private static List<Prepared> inPublicationOrder(List<Prepared> batch) {
        List<Prepared> sorted = new ArrayList<>(batch);
        sorted.sort(java.util.Comparator.comparing((Prepared p) -> p.entity().publishedAt,
                java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
        return sorted;
    }

    /** The outcomes of {@code stored} (in the order they were stored) in the order of {@code input}. */
    private static List<WriteOutcome> inInputOrder(List<Prepared> input, List<Prepared> stored, List<WriteOutcome> outcomes) {
        Map<Prepared, WriteOutcome> byPrepared = new java.util.IdentityHashMap<>();
        for (int i = 0; i < stored.size(); i++) {
            byPrepared.put(stored.get(i), outcomes.get(i));
        }
        return input.stream().map(byPrepared::get).toList();
    }

    /**
     * Whether the database refused the row itself: SQLSTATE class 23 (integrity constraint violation) or
     * 22 (data exception: a value too long, a byte the encoding cannot hold), the standard's classes,
     * which H2 and PostgreSQL both follow. Anything else (a lost connection, a lock or statement timeout, a
     * full disk) may pass, and the document is sent again rather than counted as refused.
     */
    static boolean refusedRow(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("22") || sql.getSQLState().startsWith("23"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a failure says the database is away rather than anything about the documents: SQLSTATE class 08
     * (connection exception: refused, lost) or 57P (the server shutting down or starting up), or no connection to be
     * had from the pool. Such a step may be tried again once the database is back.
     */
    public static boolean databaseAway(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    /** A URL whose every store transaction fails as a lost database connection does; null: none. Tests only. */
    private volatile String failing;

    /** Tests only (tyndau.document.WriterFaults): stores of {@code url} fail until this is called with null. */
    void failStoring(String url) {
        failing = url;
    }

    /** Milliseconds spent so far reading, storing and handing over documents (logged by importers, for profiling). */
    public String timings() {
        return String.format(java.util.Locale.ROOT, "read %d ms (event keys %d ms over the reading threads), store %d ms (in the transaction %d ms:"
                        + " copies looked up %d ms, events assigned %d ms, rows flushed %d ms), hand-over %d ms",
                readNanos.get() / 1_000_000, fingerprintNanos.get() / 1_000_000, storeNanos.get() / 1_000_000, insideNanos.get() / 1_000_000,
                candidateNanos.get() / 1_000_000, assignNanos.get() / 1_000_000, flushNanos.get() / 1_000_000, handOverNanos.get() / 1_000_000);
    }

    /**
     * A source's role changed: its documents get new sequence numbers above every other (one
     * statement; the shift keeps them unique and in order), so the index re-reads them with the new
     * role and side, and timelines re-draw. Answers how many documents were touched.
     */
    void onRoleChanged(@jakarta.enterprise.event.Observes tyndau.source.RoleChanged changed) {
        int touched = resequence(changed.sourceId());
        LOG.infof("source %s is now %s (was %s): %d documents re-indexed with their new side", changed.sourceId(),
                changed.now().wire(), changed.was().wire(), touched);
    }

    int resequence(String sourceId) {
        long newMax;
        int touched;
        lock.lock();
        try {
            long[] result = QuarkusTransaction.requiringNew().call(() -> {
                db.lockWrites();
                Long max = em.createQuery("select max(d.seq) from Document d", Long.class).getSingleResult();
                Long min = em.createQuery("select min(d.seq) from Document d where d.sourceId = :s", Long.class)
                        .setParameter("s", sourceId).getSingleResult();
                if (max == null || min == null) {
                    return new long[] {0, 0};
                }
                long shift = max - min + 1;
                int n = em.createQuery("update Document d set d.seq = d.seq + :shift where d.sourceId = :s")
                        .setParameter("shift", shift).setParameter("s", sourceId).executeUpdate();
                Long after = em.createQuery("select max(d.seq) from Document d", Long.class).getSingleResult();
                events.stored(after); // the rows moved are the assigner's already
                return new long[] {after, n};
            });
            newMax = result[0];
            touched = (int) result[1];
        } finally {
            lock.unlock();
        }
        if (touched > 0) {
            committed.fire(new DocumentsCommitted(newMax, List.of()));
        }
        return touched;
    }

    /**
     * Runs {@code work} in a transaction of its own under the writer's lock and the writers' advisory lock: no document
     * is stored meanwhile, by this instance or another (a step of {@link EventRebuild}).
     */
    <T> T exclusively(java.util.function.Function<EntityManager, T> work) {
        lock.lock();
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                db.lockWrites();
                return work.apply(em);
            });
        } finally {
            lock.unlock();
        }
    }

    /** The highest sequence number committed, 0 when there is none. */
    public long maxSeq() {
        return QuarkusTransaction.joiningExisting().call(() -> {
            Long max = em.createQuery("select max(d.seq) from Document d", Long.class).getSingleResult();
            return max == null ? 0L : max;
        });
    }

    /**
     * Outside the lock: entities with their hashes and fingerprints, and each document read once —
     * except those whose URL is stored already (a re-import reads nothing) or whose new source has
     * no role (they will be refused).
     */
    private List<Prepared> prepareAll(List<NewDocument> batch) {
        Set<String> hashes = new HashSet<>();
        Set<String> sourceIds = new HashSet<>();
        for (NewDocument n : batch) {
            hashes.add(Hashes.sha256(n.url()));
            sourceIds.add(n.sourceId());
        }
        Map<String, Source> sources = new HashMap<>();
        Set<String> known = QuarkusTransaction.requiringNew().call(() -> {
            Row.list(Source.class, "id in ?1", sourceIds).forEach(s -> sources.put(s.id, s));
            return stored("select url_hash, id from document where url_hash = ANY(?)", hashes).keySet();
        });
        // Reading is the costly part and each document is read alone: on every core.
        return batch.parallelStream().map(n -> {
            Document d = entity(n);
            Source s = sources.get(n.sourceId());
            tyndau.source.SourceRole role = s != null ? s.role : n.role();
            DocumentRow row = null;
            tyndau.events.EventFingerprint event = null;
            if (role != null && !known.contains(d.urlHash)) {
                row = analysed(n, role);
                d.tone = row.tone();
                d.setReading(row.reading());
                dedupe.fingerprint(d);
                long f0 = System.nanoTime();
                event = events.fingerprint(d.urlHash, n.language(), n.publishedAt(), n.sourceId(), row.side(), n.title(), n.body());
                fingerprintNanos.addAndGet(System.nanoTime() - f0);
            }
            return new Prepared(n, d, row, event);
        }).toList();
    }

    private DocumentRow analysed(NewDocument n, tyndau.source.SourceRole role) {
        DocumentRow row = new DocumentRow(0, 0, n.sourceId(), role.wire(), side.of(role), n.language(), n.publishedAt(), null,
                null, n.title(), n.body());
        return row.with(analyser.analyse(row, false));
    }

    private static Document entity(NewDocument n) {
        Document d = new Document();
        d.sourceId = n.sourceId();
        d.url = n.url();
        d.urlHash = Hashes.sha256(n.url());
        d.guid = n.guid();
        d.title = n.title();
        d.body = n.body();
        d.bodyHtml = n.bodyHtml();
        d.publishedAt = n.publishedAt();
        d.undateable = n.undateable();
        d.fetchedAt = n.fetchedAt() == null ? Instant.now() : n.fetchedAt();
        d.language = n.language();
        // A key, not a text: its form is the one every stored hash has (a new separator would miss every old copy).
        d.contentHash = Hashes.sha256(n.title() + "\n" + (n.body() == null ? "" : n.body()));
        return d;
    }

    private List<WriteOutcome> store(List<Prepared> batch, List<DocumentRow> rows) {
        long inside = System.nanoTime();
        try {
            return storeInTransaction(batch, rows);
        } finally {
            insideNanos.addAndGet(System.nanoTime() - inside);
        }
    }

    private List<WriteOutcome> storeInTransaction(List<Prepared> batch, List<DocumentRow> rows) {
        db.lockWrites();
        Set<String> hashes = new HashSet<>();
        Set<String> guids = new HashSet<>();
        Set<String> sourceIds = new HashSet<>();
        for (Prepared p : batch) {
            hashes.add(p.entity().urlHash);
            sourceIds.add(p.entity().sourceId);
            if (p.entity().guid != null) {
                guids.add(p.entity().guid);
            }
        }
        Map<String, Long> byUrl = new HashMap<>();
        byUrl.putAll(stored("select url_hash, id from document where url_hash = ANY(?)", hashes));
        Map<String, Long> byGuid = new HashMap<>();
        if (!guids.isEmpty()) {
            byGuid.putAll(stored("select source_id, guid, id from document where guid = ANY(?)", guids));
        }
        Map<String, Source> sources = new HashMap<>();
        Row.list(Source.class, "id in ?1", sourceIds).forEach(s -> sources.put(s.id, s));

        // First pass: what is new (not the same URL or GUID, a source with a role).
        WriteOutcome[] outcomes = new WriteOutcome[batch.size()];
        List<Prepared> fresh = new ArrayList<>();
        Set<String> urlsInBatch = new HashSet<>();
        Set<String> guidsInBatch = new HashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Prepared p = batch.get(i);
            Document d = p.entity();
            Long sameUrl = byUrl.get(d.urlHash);
            if (sameUrl != null) {
                outcomes[i] = WriteOutcome.duplicate(sameUrl, "same URL as document " + sameUrl);
                continue;
            }
            Long sameGuid = d.guid == null ? null : byGuid.get(d.sourceId + "\n" + d.guid);
            if (sameGuid != null) {
                outcomes[i] = WriteOutcome.duplicate(sameGuid, "same GUID as document " + sameGuid);
                continue;
            }
            if (!sources.containsKey(d.sourceId)) {
                if (p.input().role() == null) {
                    outcomes[i] = WriteOutcome.rejected("source '" + d.sourceId + "' is new: its role is required");
                    continue;
                }
                Source source = Source.fromImport(d.sourceId, p.input().role(), d.language);
                em.persist(source);
                sources.put(source.id, source);
            }
            if (!urlsInBatch.add(d.urlHash) || (d.guid != null && !guidsInBatch.add(d.sourceId + "\n" + d.guid))) {
                continue; // the same document twice in one batch: decided in the second pass
            }
            fresh.add(p);
        }

        for (Prepared p : fresh) {
            if (p.row() == null) {
                dedupe.fingerprint(p.entity()); // its source was created meanwhile: prepared but not read
            }
        }
        // Second pass: copies of a story are linked to the original (stored rows or earlier rows of this batch).
        long c0 = System.nanoTime();
        List<Deduplicator.Print> candidates = new ArrayList<>(dedupe.candidates(fresh.stream().map(Prepared::entity).toList()));
        candidateNanos.addAndGet(System.nanoTime() - c0);
        Long max = em.createQuery("select max(d.seq) from Document d", Long.class).getSingleResult();
        long seq = max == null ? 0L : max;
        boolean grouping = events.enabled();
        long e0 = System.nanoTime();
        if (grouping) {
            events.catchUp(em, seq, fresh.stream().map(p -> p.entity().publishedAt).toList());
        }
        long eventsNanos = System.nanoTime() - e0;
        Map<Long, Long> merged = new HashMap<>();
        List<EventRedirect> redirects = new ArrayList<>();
        Map<Long, Document> inBatch = new HashMap<>();
        Map<String, Long> storedUrls = new HashMap<>();
        Map<String, Long> storedGuids = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] != null) {
                continue;
            }
            Prepared p = batch.get(i);
            Document d = p.entity();
            Long again = storedUrls.get(d.urlHash);
            if (again == null && d.guid != null) {
                again = storedGuids.get(d.sourceId + "\n" + d.guid);
            }
            if (again != null) {
                outcomes[i] = WriteOutcome.duplicate(again, "same document as " + again + " earlier in this batch");
                continue;
            }
            Deduplicator.Link link = dedupe.originalOf(d, candidates).orElse(null);
            d.duplicateOf = link == null ? null : link.original();
            d.duplicateReason = link == null ? null : clip(link.reason(), 200);
            d.seq = ++seq;
            // Read before the lock with the source's role of then: read again if its role changed since
            // (through this instance or another), so that every index gives the row the same side.
            var role = sources.get(d.sourceId).role;
            DocumentRow row = p.row() != null && p.row().role().equals(role.wire()) ? p.row() : analysed(p.input(), role);
            if (grouping) {
                // Before persist: Hibernate inserts the state persist saw, and a field set after it costs an UPDATE.
                long a0 = System.nanoTime();
                assignEvent(p, d, row, merged, redirects, inBatch);
                eventsNanos += System.nanoTime() - a0;
            }
            em.persist(d);
            inBatch.put(d.id, d);
            candidates.add(Deduplicator.Print.of(d));
            storedUrls.put(d.urlHash, d.id);
            if (d.guid != null) {
                storedGuids.put(d.sourceId + "\n" + d.guid, d.id);
            }
            d.tone = row.tone();
            d.setReading(row.reading());
            rows.add(row.stored(d));
            outcomes[i] = WriteOutcome.accepted(d.id, d.duplicateOf);
        }
        if (failing != null && batch.stream().anyMatch(p -> failing.equals(p.entity().url))) {
            throw new org.hibernate.exception.JDBCConnectionException("connection lost (a test's fault)",
                    new java.sql.SQLException("connection lost (a test's fault)", "08006"));
        }
        if (grouping) {
            // Rows assigned before a later merge of this batch: the update below moves them in the table, and here
            // for the index (the entities keep the id they were inserted with: no UPDATE per row).
            rows.replaceAll(r -> r.inEvent(inBatch.get(r.id()).eventId == null ? null : follow(merged, inBatch.get(r.id()).eventId)));
        }
        long f0 = System.nanoTime();
        em.flush();
        flushNanos.addAndGet(System.nanoTime() - f0);
        for (EventRedirect r : redirects) {
            // Rows stored earlier of the absorbed event move to the survivor; the absorbed id answers through the redirect.
            em.createQuery("update Document d set d.eventId = :s where d.eventId = :a")
                    .setParameter("s", r.survivor).setParameter("a", r.absorbed).executeUpdate();
            em.persist(r);
        }
        if (grouping) {
            events.stored(seq);
        }
        assignNanos.addAndGet(eventsNanos);
        return List.of(outcomes);
    }

    /**
     * Under the lock, in sequence order, before the row is inserted: the event of a stored document. A copy is in its
     * original's event (earlier in the batch, or stored); a document without a publication time is an event of its own.
     */
    private void assignEvent(Prepared p, Document d, DocumentRow row, Map<Long, Long> merged, List<EventRedirect> redirects,
            Map<Long, Document> inBatch) {
        d.eventVersion = events.version();
        if (d.duplicateOf != null) {
            Document original = inBatch.get(d.duplicateOf);
            Long event = original != null ? original.eventId
                    : em.createQuery("select d.eventId from Document d where d.id = :id", Long.class).setParameter("id", d.duplicateOf)
                            .setFlushMode(jakarta.persistence.FlushModeType.COMMIT).getResultStream().findFirst().orElse(null);
            d.eventId = event != null ? Long.valueOf(follow(merged, event)) : events.pending() ? null : Long.valueOf(events.alone());
            d.eventVersion = d.eventId == null ? null : d.eventVersion;
            return;
        }
        if (events.pending()) {
            // Every event is being re-assigned: the rebuild gives this row its event at its next step (Reassignment).
            d.eventId = null;
            d.eventVersion = null;
            return;
        }
        tyndau.events.EventFingerprint f = p.event() != null && p.row() == row ? p.event()
                : events.fingerprint(d.urlHash, d.language, d.publishedAt, d.sourceId, row.side(), d.title, d.body);
        if (f == null) {
            d.eventId = events.alone();
            return;
        }
        tyndau.events.Assignment a = events.assign(EventGrouping.onSide(f, row.side()));
        d.eventId = a.event();
        for (long absorbed : a.absorbed()) {
            merged.put(absorbed, a.event());
            EventRedirect r = new EventRedirect();
            r.absorbed = absorbed;
            r.survivor = a.event();
            r.seq = d.seq;
            redirects.add(r);
        }
    }

    private static long follow(Map<Long, Long> merged, long id) {
        long at = id;
        for (Long next = merged.get(at); next != null; next = merged.get(at)) {
            at = next;
        }
        return at;
    }

    /**
     * Key (the columns before the id, joined by new lines) → id of stored rows whose column matches one
     * of {@code values}: one array parameter, so the
     * statement text never changes and stays parsed (an IN list of a batch's values was re-parsed each time).
     */
    private Map<String, Long> stored(String sql, Set<String> values) {
        Map<String, Long> out = new HashMap<>();
        if (values.isEmpty()) {
            return out;
        }
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setArray(1, c.createArrayOf("VARCHAR", values.toArray()));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    int id = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder key = new StringBuilder(rs.getString(1));
                        for (int k = 2; k < id; k++) {
                            key.append('\n').append(rs.getString(k));
                        }
                        out.put(key.toString(), rs.getLong(id));
                    }
                }
            }
        });
        return out;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
