package tyndau.index;


import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;
import tyndau.TyndauConfig;
import tyndau.document.DocumentsCommitted;
import tyndau.document.IndexedTopics;
import tyndau.document.Analyser;
import tyndau.document.Analysis;
import tyndau.document.DocumentRow;
import tyndau.document.DocumentRows;

/**
 * The Lucene projection of the database. Indexing is driven by the document sequence number: each
 * commit stores the last sequence number it holds in its user data, and catching up means indexing
 * every row above it. Rows are indexed only after their transaction committed, so the index is
 * never ahead of the database; after a crash it simply catches up again (updates are by id, so a
 * row indexed twice is still one document).
 *
 * <p>The index lives in a generation directory under {@code $TYNDAU_HOME/index/}, named by the file
 * {@code index/current}. A rebuild writes the next generation beside it and swaps the pointer.
 */
@ApplicationScoped
public class LuceneIndex implements IndexedTopics, tyndau.document.IndexedPrints {
    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);
    static final String SEQ_KEY = "tyndau.seq";
    static final String SCORING_KEY = "tyndau.scoring";
    /** The topic queries the generation's documents were analysed with (JSON, id → query): a topic edit re-reads only what differs. */
    static final String TOPICS_KEY = "tyndau.topics";
    /** Present when every document of the generation carries its copy keys (band keys, content hash). */
    static final String PRINTS_KEY = "tyndau.prints";
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();
    static final int BATCH = 1000;
    /** Rows the writer may hand over ahead of the index; beyond that it waits (then the index reads them from the database). */
    static final int PENDING_ROWS = 5000;

    private final TyndauConfig config;
    private final DocumentRows rows;
    private final tyndau.document.DocumentWriter writer;
    /** Whether other instances may write to the database (PostgreSQL): then the feeder polls it. */
    private final boolean shared;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Event<DocumentsIndexed> indexed;
    private final Analyser analyser;
    private final Event<ScoringChanged> scoringChanged;
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private volatile String failure;
    private volatile Generation current;
    private final Rollups rollups = new Rollups();
    private Path root;

    /** One index directory with its writer, searchers and the last sequence number it holds. */
    static final class Generation {
        final String name;
        final FSDirectory directory;
        final IndexWriter writer;
        final SearcherManager searchers;
        volatile long indexedSeq;
        volatile String scoring;
        /** The topic queries of {@link #scoring}, or null when an older index did not record them. */
        volatile Map<String, String> topics;
        /** Whether every document carries its copy keys: a generation begun by this version, empty or rebuilt. */
        final boolean prints;
        /** The last sequence number the current searcher holds (set as a refresh publishes one). */
        volatile long searchableSeq;

        Generation(Path root, String name, Rollups rollups) throws IOException {
            this.name = name;
            this.directory = FSDirectory.open(root.resolve(name));
            IndexWriterConfig iwc = new IndexWriterConfig(Analyzers.PER_FIELD);
            iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            // Only commits made with their sequence number may reach the disk.
            iwc.setCommitOnClose(false);
            iwc.setRAMBufferSizeMB(64);
            this.writer = new IndexWriter(directory, iwc);
            this.indexedSeq = committedSeq(writer);
            this.scoring = committed(writer, SCORING_KEY);
            this.topics = topicsOf(committed(writer, TOPICS_KEY));
            this.prints = indexedSeq == 0 || "1".equals(committed(writer, PRINTS_KEY));
            this.searchableSeq = indexedSeq;
            // Each new reader's segments get their rollups before any request can see it.
            this.searchers = new SearcherManager(writer, new SearcherFactory() {
                @Override
                public IndexSearcher newSearcher(IndexReader reader, IndexReader previous) throws IOException {
                    rollups.warm(reader);
                    return super.newSearcher(reader, previous);
                }
            });
            // Everything committed up to indexedSeq is in the writer when a refresh starts, so the reader it publishes holds it.
            this.searchers.addListener(new org.apache.lucene.search.ReferenceManager.RefreshListener() {
                private long before;

                @Override
                public void beforeRefresh() {
                    before = indexedSeq;
                }

                @Override
                public void afterRefresh(boolean didRefresh) {
                    searchableSeq = Math.max(searchableSeq, before);
                }
            });
        }

        void index(List<DocumentRow> rows) throws IOException {
            for (DocumentRow r : rows) {
                writer.updateDocument(new Term(IndexSchema.ID, Long.toString(r.id())), IndexSchema.toLucene(r));
            }
        }

        void commit(long seq, String scoringVersion, Map<String, String> topicQueries) throws IOException {
            scoring = scoringVersion;
            topics = topicQueries;
            Map<String, String> data = new HashMap<>(Map.of(SEQ_KEY, Long.toString(seq), SCORING_KEY, scoringVersion,
                    TOPICS_KEY, JSON.writeValueAsString(topicQueries == null ? Map.of() : topicQueries)));
            if (prints) {
                data.put(PRINTS_KEY, "1");
            }
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
            indexedSeq = seq;
            searchers.maybeRefresh();
        }

        void close() {
            try {
                searchers.close();
                writer.rollback();
            } catch (IOException e) {
                LOG.warnf(e, "closing index generation %s failed", name);
            }
        }
    }

    /** Analysed rows handed over by the writer after their commit, by sequence number, waiting for the feeder. */
    private final ConcurrentSkipListMap<Long, DocumentRow> pending = new ConcurrentSkipListMap<>();
    /** Room left in {@link #pending}: a writer faster than the index waits here (bounded memory). */
    private final Semaphore room = new Semaphore(PENDING_ROWS);
    private final Object signal = new Object();
    private boolean dirty;
    private volatile boolean stopping;
    /** Set by the rebuild's owner at shutdown, before the database goes away: a rebuild stops at its next batch. */
    private volatile boolean rebuildsStopped;
    private Thread feeder;

    LuceneIndex(TyndauConfig config, tyndau.Database db, DocumentRows rows, tyndau.document.DocumentWriter writer,
                Event<DocumentsIndexed> indexed, Analyser analyser, Event<ScoringChanged> scoringChanged) {
        this.config = config;
        this.rows = rows;
        this.writer = writer;
        this.shared = tyndau.Database.POSTGRESQL.equals(db.kind());
        this.indexed = indexed;
        this.analyser = analyser;
        this.scoringChanged = scoringChanged;
    }

    /** Fired when the index was scored with another scorer or other topics than the current ones. */
    public record ScoringChanged(String was, String now) {
    }

    void open(@Observes StartupEvent start) {
        root = config.home().resolve("index").toAbsolutePath().normalize();
        try {
            Files.createDirectories(root);
            String name = currentName();
            current = new Generation(root, name, rollups);
            removeOtherGenerations(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Lucene index under " + root, e);
        }
        LOG.infof("index %s holds documents up to seq %d; catching up with the database",
                root.resolve(current.name), current.indexedSeq);
        feeder = new Thread(this::feed, "index-feeder");
        feeder.setDaemon(true);
        feeder.start();
    }

    /**
     * The feeder thread: catches up with the database once, then indexes whatever the writer hands
     * over (or, when rows are missing from the hand-over, reads them from the database), so that a
     * long import writes its next batch while the index takes the last one; and at least every
     * {@code tyndau.index.poll} it reads the rows another instance committed to the same database.
     */
    private void feed() {
        initialCatchUp();
        while (!stopping) {
            synchronized (signal) {
                // Woken by a hand-over; on a shared database also after tyndau.index.poll, to read what
                // other instances wrote (the embedded database has no other writer: no polling).
                while (!dirty && !stopping) {
                    try {
                        signal.wait(shared ? Math.max(1, config.index().poll().toMillis()) : 5_000);
                    } catch (InterruptedException e) {
                        return;
                    }
                    if (shared) {
                        break;
                    }
                }
                dirty = false;
            }
            if (stopping) {
                return;
            }
            try {
                catchUp();
            } catch (RuntimeException e) {
                // The rows are committed: the next hand-over or restart catches up; readiness shows how far behind the index is.
                LOG.error("indexing failed; the index is behind the database", e);
            }
        }
    }

    private void wake() {
        synchronized (signal) {
            dirty = true;
            signal.notifyAll();
        }
    }

    private String currentName() throws IOException {
        Path pointer = root.resolve("current");
        if (Files.isRegularFile(pointer)) {
            String name = Files.readString(pointer, StandardCharsets.UTF_8).trim();
            if (name.matches("gen-\\d+") && Files.isDirectory(root.resolve(name))) {
                return name;
            }
            LOG.warnf("index pointer names '%s', which is missing: starting a new index", name);
        }
        String name = "gen-1";
        Files.createDirectories(root.resolve(name));
        point(name);
        return name;
    }

    private void point(String name) throws IOException {
        Path tmp = root.resolve("current.tmp");
        Files.writeString(tmp, name + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, root.resolve("current"), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** Generations left by an earlier rebuild (or an interrupted one) are deleted when not current. */
    private void removeOtherGenerations(String keep) throws IOException {
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(p -> Files.isDirectory(p) && p.getFileName().toString().startsWith("gen-")
                    && !p.getFileName().toString().equals(keep)).toList()) {
                try (Stream<Path> tree = Files.walk(dir)) {
                    for (Path p : tree.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
                LOG.infof("removed old index generation %s", dir.getFileName());
            }
        }
    }

    private void initialCatchUp() {
        try {
            discardIfAheadOfDatabase();
            long before = current.indexedSeq;
            // Ready once the index holds what the database held at start: on a shared database another instance may
            // be importing faster than this one reads, and chasing its rows kept a restarted instance unready for
            // minutes (the soak's finding). The feeder reads the rest; readiness and the cluster view show the lag.
            long target = writer.maxSeq();
            writeLock.lock();
            try {
                catchUp(current, -1, target);
            } finally {
                writeLock.unlock();
            }
            caughtUp.set(true);
            String now = analyser.version();
            if (current.indexedSeq > 0 && !now.equals(current.scoring)) {
                LOG.infof("the index was scored with %s, the scorer is now %s: re-scoring through a rebuild", current.scoring, now);
                scoringChanged.fire(new ScoringChanged(current.scoring, now));
            }
            LOG.infof("index caught up: seq %d (%d rows behind at start)", current.indexedSeq, current.indexedSeq - before);
        } catch (IOException | RuntimeException e) {
            failure = "catching up with the database failed: " + e.getMessage();
            LOG.error("index catch-up failed", e);
        }
    }

    /**
     * An index holding sequence numbers the database does not (a database restored from a backup,
     * or one that lost its last commits) cannot be trusted: it is emptied and rebuilt.
     */
    private void discardIfAheadOfDatabase() throws IOException {
        long dbSeq = writer.maxSeq();
        if (current.indexedSeq > dbSeq) {
            LOG.warnf("the index holds seq %d but the database only %d: rebuilding the index from the database",
                    current.indexedSeq, dbSeq);
            writeLock.lock();
            try {
                current.writer.deleteAll();
                current.commit(0, analyser.version(), analyser.topicQueries());
            } finally {
                writeLock.unlock();
            }
        }
    }

    /** The heartbeat of this instance (tyndau.cluster.Cluster) carries how far the index is. */
    void onBeat(@Observes tyndau.cluster.Cluster.Beat beat) {
        Generation g = current;
        if (g != null) {
            beat.indexedSeq(g.indexedSeq);
        }
    }

    /** Takes the writer's analysed rows; waits while too many are ahead of the index (bounded memory), then lets them be read back instead. */
    void onCommitted(@Observes DocumentsCommitted event) {
        List<DocumentRow> rows = event.rows();
        if (!rows.isEmpty() && rows.size() <= PENDING_ROWS && !stopping) {
            try {
                if (room.tryAcquire(rows.size(), 60, TimeUnit.SECONDS)) {
                    for (DocumentRow r : rows) {
                        if (pending.put(r.seq(), r) != null) {
                            room.release();
                        }
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        wake();
    }

    /**
     * Waits until the index holds every row up to {@code seq} (an importer answers once what it
     * stored is searchable); false when {@code timeout} passed first.
     */
    public boolean awaitIndexed(long seq, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (signal) {
            while (current.indexedSeq < seq) {
                long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
                if (left <= 0 || stopping) {
                    return false;
                }
                try {
                    signal.wait(Math.min(left, 200));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return true;
        }
    }

    /** Contiguous handed-over rows right after {@code seq} (at most a few batches); rows at or below it are dropped. */
    private List<DocumentRow> takePending(long seq) {
        int dropped = 0;
        while (!pending.isEmpty() && pending.firstKey() <= seq) {
            if (pending.pollFirstEntry() != null) {
                dropped++;
            }
        }
        List<DocumentRow> out = new java.util.ArrayList<>();
        long next = seq + 1;
        while (out.size() < 5 * BATCH) {
            DocumentRow r = pending.remove(next);
            if (r == null) {
                break;
            }
            out.add(r);
            next++;
        }
        room.release(dropped + out.size());
        return out;
    }

    /** Indexes every committed row above the last sequence number held, committing as it goes. */
    public void catchUp() {
        writeLock.lock();
        try {
            catchUp(current, -1);
        } catch (IOException e) {
            throw new UncheckedIOException("indexing failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    /**
     * Indexes every committed row above {@code g}'s last sequence number, the writer's hand-over first,
     * the database for what is not there; rows above {@code announceAbove} are announced to the alert
     * rules (a rebuild announces only what arrived while it swapped generations).
     */
    void catchUp(Generation g, long announceAbove) throws IOException {
        catchUp(g, announceAbove, Long.MAX_VALUE);
    }

    /** As {@link #catchUp(Generation, long)}, stopping once {@code g} holds {@code until}. */
    private void catchUp(Generation g, long announceAbove, long until) throws IOException {
        while (g.indexedSeq < until) {
            long from = g.indexedSeq;
            boolean fresh = g.scoring == null || g.indexedSeq == 0;
            String scoring = fresh ? analyser.version() : g.scoring;
            Map<String, String> topicQueries = fresh ? analyser.topicQueries() : g.topics;
            List<DocumentRow> rows = takePending(from);
            if (rows.isEmpty()) {
                rows = rowsAfter(from, false);
            }
            if (rows.isEmpty()) {
                return;
            }
            g.index(rows);
            g.commit(rows.get(rows.size() - 1).seq(), scoring, topicQueries);
            synchronized (signal) {
                signal.notifyAll();
            }
            List<DocumentRow> news = rows.stream().filter(r -> r.seq() > announceAbove).toList();
            if (!news.isEmpty()) {
                // Asynchronous: percolation and alerts must not hold the index's write lock.
                indexed.fireAsync(new DocumentsIndexed(news)).exceptionally(e -> {
                    LOG.error("a listener of newly indexed documents failed", e);
                    return null;
                });
            }
        }
    }

    /** Up to {@link #BATCH} rows above {@code seq}, in sequence order, analysed (the document table's own reading). */
    List<DocumentRow> rowsAfter(long seq, boolean rescore) {
        return rows.after(seq, BATCH, rescore);
    }

    private static long committedSeq(IndexWriter writer) throws IOException {
        String v = committed(writer, SEQ_KEY);
        return v == null ? 0 : Long.parseLong(v);
    }

    private static String committed(IndexWriter writer, String key) throws IOException {
        if (!DirectoryReader.indexExists(writer.getDirectory())) {
            return null;
        }
        return SegmentInfos.readLatestCommit(writer.getDirectory()).getUserData().get(key);
    }

    private static Map<String, String> topicsOf(String json) throws IOException {
        if (json == null) {
            return null;
        }
        return JSON.readValue(json, new com.fasterxml.jackson.core.type.TypeReference<java.util.LinkedHashMap<String, String>>() {
        });
    }

    /** Adds the database ids of the documents {@code q} matches (their stored id) to {@code into}. */
    private static void collectIds(IndexSearcher searcher, Query q, java.util.Set<Long> into) throws IOException {
        searcher.search(q, new org.apache.lucene.search.SimpleCollector() {
            private org.apache.lucene.index.StoredFields stored;

            @Override
            protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) throws IOException {
                stored = context.reader().storedFields();
            }

            @Override
            public void collect(int doc) throws IOException {
                into.add(Long.parseLong(stored.document(doc, java.util.Set.of(IndexSchema.ID)).get(IndexSchema.ID)));
            }

            @Override
            public org.apache.lucene.search.ScoreMode scoreMode() {
                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
            }
        });
    }

    /** A topic edit's work: the topics whose query changed (added, edited or removed) and the documents to read again. */
    record Retopic(java.util.Set<String> changed, List<Long> ids, String version, Map<String, String> topics) {
    }

    /**
     * When only topic queries differ between what the index holds and the analyser (same scorer, lexicons and
     * analysers), the documents to read again: those that had a changed topic, and those its new query matches.
     * Empty when a whole rebuild is needed (the scorer changed, or the index does not record its topics).
     */
    java.util.Optional<Retopic> retopicPlan() {
        Generation g = current;
        String version = analyser.version();
        Map<String, String> now = analyser.topicQueries();
        if (g.scoring == null || g.topics == null || !g.scoring.startsWith(analyser.scoringVersion() + "+topics-")) {
            return java.util.Optional.empty();
        }
        java.util.Set<String> changed = new java.util.TreeSet<>();
        g.topics.forEach((id, q) -> {
            if (!q.equals(now.get(id))) {
                changed.add(id);
            }
        });
        now.forEach((id, q) -> {
            if (!q.equals(g.topics.get(id))) {
                changed.add(id);
            }
        });
        List<Query> affected = new java.util.ArrayList<>();
        for (String id : changed) {
            affected.add(new org.apache.lucene.search.TermQuery(new Term(IndexSchema.TOPIC, id)));
            if (now.containsKey(id)) {
                try {
                    affected.add(QueryLanguage.parse(now.get(id), false));
                } catch (QueryLanguage.InvalidQuery e) {
                    return java.util.Optional.empty(); // saved topics are valid; should one not parse, rebuild everything
                }
            }
        }
        // One search per query (a union of large topic queries could pass the clause limit), ids in sequence of first sight.
        List<Long> ids = withSearcher(s -> {
            java.util.Set<Long> out = new java.util.LinkedHashSet<>();
            for (Query q : affected) {
                collectIds(s, q, out);
            }
            return new java.util.ArrayList<>(out);
        });
        return java.util.Optional.of(new Retopic(changed, ids, version, now));
    }

    /**
     * Reads again, into the current generation, the documents of a topic edit ({@link #retopicPlan}), a batch at a time
     * under the write lock (so a batch never overwrites a newer reading of the feeder's), then records the new topics
     * with the next commit. A crash before that leaves the old topics recorded: the next start reads them again.
     */
    void retopic(Retopic plan, Reindexer.Progress progress) throws IOException {
        for (int i = 0; i < plan.ids().size(); i += BATCH) {
            if (stopping || rebuildsStopped) {
                throw new IOException("the service is stopping; the topic edit is re-read at next start");
            }
            List<Long> batch = plan.ids().subList(i, Math.min(plan.ids().size(), i + BATCH));
            writeLock.lock();
            try {
                current.index(rows.byIds(batch));
            } finally {
                writeLock.unlock();
            }
            progress.add(batch.size());
        }
        writeLock.lock();
        try {
            Generation g = current;
            // Topics edited again meanwhile: the queued run reads what differs from what was recorded before this one.
            boolean still = plan.version().equals(analyser.version());
            g.commit(g.indexedSeq, still ? plan.version() : g.scoring, still ? plan.topics() : g.topics);
        } finally {
            writeLock.unlock();
        }
        LOG.infof("topics %s re-read: %d documents", plan.changed(), plan.ids().size());
    }

    /**
     * Builds generation {@code next} from the database while the current one keeps serving and
     * indexing, then catches it up and swaps it in under the write lock. Called by {@link Reindexer}.
     */
    void rebuildInto(String next, Reindexer.Progress progress) throws IOException {
        Generation g = new Generation(root, next, rollups);
        try {
            String scoring = analyser.version();
            Map<String, String> topicQueries = analyser.topicQueries();
            while (true) {
                if (stopping || rebuildsStopped) {
                    throw new IOException("the service is stopping; the rebuild is abandoned (the current index is kept)");
                }
                List<DocumentRow> rows = rowsAfter(g.indexedSeq, true);
                if (rows.isEmpty()) {
                    break;
                }
                g.index(rows);
                g.commit(rows.get(rows.size() - 1).seq(), scoring, topicQueries);
                progress.add(rows.size());
            }
            g.commit(g.indexedSeq, scoring, topicQueries);
            writeLock.lock();
            try {
                Generation old = current;
                // Rows committed while the rebuild ran may be in the new generation and not yet in the
                // old one (the feeder was behind): catching the old one up first announces them to the
                // alert rules; the new one then announces only what came after.
                catchUp(old, -1);
                catchUp(g, old.indexedSeq);
                point(next);
                current = g;
                old.close();
                LOG.infof("index generation %s swapped in (seq %d); %s will be removed at next start", next, g.indexedSeq, old.name);
            } finally {
                writeLock.unlock();
            }
        } catch (IOException | RuntimeException e) {
            g.close();
            throw e;
        }
    }

    /** Runs {@code work} holding the write lock: nothing is indexed meanwhile (tests order a race with it). */
    <T> T exclusively(java.util.concurrent.Callable<T> work) throws Exception {
        writeLock.lock();
        try {
            return work.call();
        } finally {
            writeLock.unlock();
        }
    }

    String currentGenerationName() {
        return current.name;
    }

    String nextGenerationName() {
        return "gen-" + (Long.parseLong(current.name.substring(4)) + 1);
    }

    /** The last sequence number the index holds (committed). */
    public long indexedSeq() {
        return current.indexedSeq;
    }

    /** True once the start-up catch-up has finished. */
    public boolean caughtUp() {
        return caughtUp.get();
    }

    /** Why the index cannot serve, when it cannot. */
    public String failure() {
        return failure;
    }

    @Override
    public Found find(List<java.util.Set<Integer>> bands, java.util.Set<String> contentHashes) {
        Generation g = current;
        if (!g.prints) {
            return new Found(java.util.Set.of(), 0); // an index from before copy keys: the table answers until it is rebuilt
        }
        long covered = g.searchableSeq; // read before the searcher is taken: that searcher holds at least this much
        List<org.apache.lucene.util.BytesRef> terms = new java.util.ArrayList<>();
        for (int band = 0; band < bands.size(); band++) {
            for (int key : bands.get(band)) {
                terms.add(new org.apache.lucene.util.BytesRef(IndexSchema.bandTerm(band, key)));
            }
        }
        org.apache.lucene.search.BooleanQuery.Builder q = new org.apache.lucene.search.BooleanQuery.Builder();
        q.add(new org.apache.lucene.search.TermInSetQuery(IndexSchema.BAND, terms), org.apache.lucene.search.BooleanClause.Occur.SHOULD);
        q.add(new org.apache.lucene.search.TermInSetQuery(IndexSchema.CONTENT_HASH,
                contentHashes.stream().map(org.apache.lucene.util.BytesRef::new).toList()), org.apache.lucene.search.BooleanClause.Occur.SHOULD);
        try {
            IndexSearcher s;
            try {
                s = g.searchers.acquire();
            } catch (AlreadyClosedException swapped) {
                return find(bands, contentHashes); // a rebuild swapped generations meanwhile: ask the new one
            }
            try {
                java.util.Set<Long> ids = new java.util.HashSet<>();
                collectIds(s, q.build(), ids);
                return new Found(ids, covered);
            } finally {
                g.searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("looking up copies in the index failed", e);
        }
    }

    /**
     * Days of {@code zone} are the ones timelines use unless a request names another: their rollups are
     * computed now (in the background) and for every segment before a refresh publishes it.
     */
    public void rollupZone(ZoneId zone) {
        rollups.warmZone(zone);
        Thread t = new Thread(() -> {
            try {
                withSearcher(s -> {
                    rollups.warm(s.getIndexReader());
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.warn("computing the rollups at start failed; they are computed when first read", e);
            }
        }, "rollups-warm");
        t.setDaemon(true);
        t.start();
    }

    /**
     * Per day and side in [from, to): documents of a stored topic ({@code topicId}; null: every document) whose
     * query is {@code q}, all documents, tone sums. Read from the rollups while the index holds the current
     * topic definitions and the range is whole days of {@code zone}; otherwise counted from the documents.
     */
    public Map<java.time.LocalDate, DailyCounts.Day> daily(IndexSearcher searcher, String topicId, Query q, Instant from,
                                                           Instant to, ZoneId zone) throws IOException {
        if (rollupsHold(topicId)) {
            Map<java.time.LocalDate, DailyCounts.Day> out = rollups.count(searcher.getIndexReader(), topicId, from, to, zone);
            if (out != null) {
                return out;
            }
        }
        return DailyCounts.count(searcher, q, topicId, from, to, zone);
    }

    /** Undateable documents of a stored topic (null: every document) per side ({@link DailyCounts#SIDES} order), copies included. */
    public long[] undateable(IndexSearcher searcher, String topicId, Query q, ZoneId zone) throws IOException {
        if (rollupsHold(topicId)) {
            return rollups.undateable(searcher.getIndexReader(), topicId, zone);
        }
        return DailyCounts.undateable(searcher, q);
    }

    /**
     * The documents of a stored topic as cheaply as the index can find them: its term in the topic field while the index
     * holds today's topic queries (one posting list), else its query {@code q}.
     */
    public Query topicFilter(String topicId, Query q) {
        return topicId != null && rollupsHold(topicId) ? new org.apache.lucene.search.TermQuery(new Term(IndexSchema.TOPIC, topicId)) : q;
    }

    Rollups rollups() {
        return rollups;
    }

    /** Whether the stored topic field answers for {@code topicId}: the index was built with today's topic definitions. */
    boolean rollupsHold(String topicId) {
        return topicId == null || analyser.version().equals(current.scoring);
    }

    /** Runs {@code work} on a current searcher, released afterwards. */
    public <T> T withSearcher(SearcherWork<T> work) {
        Generation g = current;
        try {
            IndexSearcher s;
            try {
                s = g.searchers.acquire();
            } catch (AlreadyClosedException swappedOut) {
                // a rebuild swapped generations between reading `current` and acquiring
                g = current;
                s = g.searchers.acquire();
            }
            try {
                return work.apply(s);
            } finally {
                g.searchers.release(s);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("index read failed", e);
        }
    }

    /** The topics stored with each of {@code ids} when it was indexed (ids not in the index are absent). */
    @Override
    public Map<Long, List<String>> topicsOf(java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<org.apache.lucene.util.BytesRef> terms = ids.stream().map(id -> new org.apache.lucene.util.BytesRef(Long.toString(id))).toList();
        return withSearcher(s -> {
            Map<Long, List<String>> out = new HashMap<>();
            var stored = s.storedFields();
            for (org.apache.lucene.search.ScoreDoc hit : s.search(new org.apache.lucene.search.TermInSetQuery(IndexSchema.ID, terms),
                    Math.max(1, ids.size())).scoreDocs) {
                var doc = stored.document(hit.doc, java.util.Set.of(IndexSchema.ID, IndexSchema.TOPIC));
                out.put(Long.parseLong(doc.get(IndexSchema.ID)), IndexSchema.topicsOf(doc));
            }
            return out;
        });
    }

    /** A read of the index. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    void stopRebuilds() {
        rebuildsStopped = true;
    }

    void close(@Observes ShutdownEvent stop) {
        stopping = true;
        wake();
        if (feeder != null) {
            try {
                feeder.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        writeLock.lock();
        try {
            if (current != null) {
                current.close();
                current.directory.close();
            }
        } catch (IOException e) {
            LOG.warn("closing the index failed", e);
        } finally {
            writeLock.unlock();
        }
    }
}
