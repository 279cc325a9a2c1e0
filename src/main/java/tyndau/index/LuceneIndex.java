package tyndau.index;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.jboss.logging.Logger;
import tyndau.TyndauConfig;
import tyndau.document.Document;
import tyndau.document.DocumentsCommitted;
import tyndau.source.Side;
import tyndau.source.Source;

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
public class LuceneIndex {
    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);
    static final String SEQ_KEY = "tyndau.seq";
    static final String SCORING_KEY = "tyndau.scoring";
    static final int BATCH = 1000;

    private final TyndauConfig config;
    private final EntityManager em;
    private final Side side;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final Event<DocumentsIndexed> indexed;
    private final TopicTones tones;
    private final Event<ScoringChanged> scoringChanged;
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private volatile String failure;
    private volatile Generation current;
    private Path root;

    /** One index directory with its writer, searchers and the last sequence number it holds. */
    static final class Generation {
        final String name;
        final FSDirectory directory;
        final IndexWriter writer;
        final SearcherManager searchers;
        volatile long indexedSeq;
        volatile String scoring;

        Generation(Path root, String name) throws IOException {
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
            this.searchers = new SearcherManager(writer, new SearcherFactory());
        }

        void index(List<IndexSchema.Row> rows) throws IOException {
            for (IndexSchema.Row r : rows) {
                writer.updateDocument(new Term(IndexSchema.ID, Long.toString(r.id())), IndexSchema.toLucene(r));
            }
        }

        void commit(long seq, String scoringVersion) throws IOException {
            scoring = scoringVersion;
            writer.setLiveCommitData(Map.of(SEQ_KEY, Long.toString(seq), SCORING_KEY, scoringVersion).entrySet());
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

    LuceneIndex(TyndauConfig config, EntityManager em, Side side, Event<DocumentsIndexed> indexed, TopicTones tones,
                Event<ScoringChanged> scoringChanged) {
        this.config = config;
        this.em = em;
        this.side = side;
        this.indexed = indexed;
        this.tones = tones;
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
            current = new Generation(root, name);
            removeOtherGenerations(name);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Lucene index under " + root, e);
        }
        LOG.infof("index %s holds documents up to seq %d; catching up with the database",
                root.resolve(current.name), current.indexedSeq);
        Thread t = new Thread(this::initialCatchUp, "index-catch-up");
        t.setDaemon(true);
        t.start();
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
            catchUp();
            caughtUp.set(true);
            String now = tones.version();
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
        Long max = QuarkusTransaction.requiringNew().call(
                () -> em.createQuery("select max(d.seq) from Document d", Long.class).getSingleResult());
        long dbSeq = max == null ? 0 : max;
        if (current.indexedSeq > dbSeq) {
            LOG.warnf("the index holds seq %d but the database only %d: rebuilding the index from the database",
                    current.indexedSeq, dbSeq);
            writeLock.lock();
            try {
                current.writer.deleteAll();
                current.commit(0, tones.version());
            } finally {
                writeLock.unlock();
            }
        }
    }

    void onCommitted(@Observes DocumentsCommitted event) {
        if (event.maxSeq() > current.indexedSeq) {
            try {
                catchUp();
            } catch (RuntimeException e) {
                // The rows are committed: the writer's caller must not see a failure. The next
                // commit or restart catches up; readiness shows how far behind the index is.
                LOG.error("indexing after a commit failed; the index is behind the database", e);
            }
        }
    }

    /** Indexes every committed row above the last sequence number held, committing as it goes. */
    public void catchUp() {
        writeLock.lock();
        try {
            catchUp(current, true);
        } catch (IOException e) {
            throw new UncheckedIOException("indexing failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    void catchUp(Generation g, boolean announce) throws IOException {
        while (true) {
            long from = g.indexedSeq;
            String scoring = g.scoring == null || g.indexedSeq == 0 ? tones.version() : g.scoring;
            List<IndexSchema.Row> rows = rowsAfter(from, false);
            if (rows.isEmpty()) {
                return;
            }
            g.index(rows);
            g.commit(rows.get(rows.size() - 1).seq(), scoring);
            if (announce) {
                // Asynchronous: percolation and alerts must not hold the index's write lock.
                indexed.fireAsync(new DocumentsIndexed(rows)).exceptionally(e -> {
                    LOG.error("a listener of newly indexed documents failed", e);
                    return null;
                });
            }
        }
    }

    /** Up to {@link #BATCH} rows above {@code seq}, in sequence order, each in its own short transaction. */
    List<IndexSchema.Row> rowsAfter(long seq, boolean rescore) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Document> docs = em.createQuery("from Document d where d.seq > :s order by d.seq", Document.class)
                    .setParameter("s", seq)
                    .setMaxResults(BATCH)
                    .getResultList();
            Map<String, Source> sources = new HashMap<>();
            Source.<Source>listAll().forEach(s -> sources.put(s.id, s));
            List<IndexSchema.Row> rows = new java.util.ArrayList<>(docs.size());
            for (Document d : docs) {
                IndexSchema.Row row = rowOf(d, sources.get(d.sourceId));
                if (rescore || d.tone == null) {
                    // Re-scoring writes the new tone back to the row (same seq: the index gets it here).
                    d.tone = tones.documentTone(row);
                }
                rows.add(row.withTones(d.tone, tones.of(row)));
            }
            return rows;
        });
    }

    /** The index's view of a stored document. */
    public IndexSchema.Row rowOf(Document d, Source s) {
        return new IndexSchema.Row(d.id, d.seq, d.sourceId, s.role.wire(), side.of(s.role), d.language, d.publishedAt,
                d.tone, d.duplicateOf, d.title, d.body);
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

    /**
     * Builds generation {@code next} from the database while the current one keeps serving and
     * indexing, then catches it up and swaps it in under the write lock. Called by {@link Reindexer}.
     */
    void rebuildInto(String next, Reindexer.Progress progress) throws IOException {
        Generation g = new Generation(root, next);
        try {
            String scoring = tones.version();
            while (true) {
                List<IndexSchema.Row> rows = rowsAfter(g.indexedSeq, true);
                if (rows.isEmpty()) {
                    break;
                }
                g.index(rows);
                g.commit(rows.get(rows.size() - 1).seq(), scoring);
                progress.add(rows.size());
            }
            g.commit(g.indexedSeq, scoring);
            writeLock.lock();
            try {
                catchUp(g, false);
                Generation old = current;
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

    /** A read of the index. */
    @FunctionalInterface
    public interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    void close(@Observes ShutdownEvent stop) {
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
