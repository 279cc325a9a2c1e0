package tyndau.index;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.analysis.standard.StandardAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
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
 */
@ApplicationScoped
public class LuceneIndex {
    private static final Logger LOG = Logger.getLogger(LuceneIndex.class);
    static final String SEQ_KEY = "tyndau.seq";
    private static final int BATCH = 1000;

    private final TyndauConfig config;
    private final EntityManager em;
    private final Side side;
    private final ReentrantLock writeLock = new ReentrantLock();
    private final AtomicLong indexedSeq = new AtomicLong();
    private final AtomicBoolean caughtUp = new AtomicBoolean();
    private volatile String failure;
    private FSDirectory directory;
    private IndexWriter writer;
    private SearcherManager searchers;

    LuceneIndex(TyndauConfig config, EntityManager em, Side side) {
        this.config = config;
        this.em = em;
        this.side = side;
    }

    void open(@Observes StartupEvent start) {
        Path dir = config.home().resolve("index").toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            directory = FSDirectory.open(dir);
            IndexWriterConfig iwc = new IndexWriterConfig(new StandardAnalyzer());
            iwc.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
            // Only commits made by catchUp (with their sequence number) may reach the disk.
            iwc.setCommitOnClose(false);
            writer = new IndexWriter(directory, iwc);
            indexedSeq.set(committedSeq(writer));
            searchers = new SearcherManager(writer, new SearcherFactory());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the Lucene index at " + dir, e);
        }
        LOG.infof("index at %s holds documents up to seq %d; catching up with the database", dir, indexedSeq.get());
        Thread t = new Thread(this::initialCatchUp, "index-catch-up");
        t.setDaemon(true);
        t.start();
    }

    private void initialCatchUp() {
        try {
            long before = indexedSeq.get();
            catchUp();
            caughtUp.set(true);
            LOG.infof("index caught up: seq %d (%d rows indexed at start)", indexedSeq.get(), indexedSeq.get() - before);
        } catch (RuntimeException e) {
            failure = "catching up with the database failed: " + e.getMessage();
            LOG.error("index catch-up failed", e);
        }
    }

    void onCommitted(@Observes DocumentsCommitted event) {
        if (event.maxSeq() > indexedSeq.get()) {
            catchUp();
        }
    }

    /** Indexes every committed row above the last sequence number held, committing as it goes. */
    public void catchUp() {
        writeLock.lock();
        try {
            while (true) {
                long from = indexedSeq.get();
                List<IndexSchema.Row> rows = QuarkusTransaction.requiringNew().call(() -> rowsAfter(from));
                if (rows.isEmpty()) {
                    return;
                }
                for (IndexSchema.Row r : rows) {
                    writer.updateDocument(new Term(IndexSchema.ID, Long.toString(r.id())), IndexSchema.toLucene(r));
                }
                long max = rows.get(rows.size() - 1).seq();
                writer.setLiveCommitData(Map.of(SEQ_KEY, Long.toString(max)).entrySet());
                writer.commit();
                indexedSeq.set(max);
                searchers.maybeRefresh();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("indexing failed", e);
        } finally {
            writeLock.unlock();
        }
    }

    private List<IndexSchema.Row> rowsAfter(long seq) {
        List<Document> docs = em.createQuery("from Document d where d.seq > :s order by d.seq", Document.class)
                .setParameter("s", seq)
                .setMaxResults(BATCH)
                .getResultList();
        Map<String, Source> sources = new HashMap<>();
        Source.<Source>listAll().forEach(s -> sources.put(s.id, s));
        return docs.stream().map(d -> {
            Source s = sources.get(d.sourceId);
            return new IndexSchema.Row(d.id, d.seq, d.sourceId, s.role.wire(), side.of(s.role), d.language, d.publishedAt,
                    d.tone, d.title, d.body);
        }).toList();
    }

    private static long committedSeq(IndexWriter writer) throws IOException {
        if (!DirectoryReader.indexExists(writer.getDirectory())) {
            return 0;
        }
        String v = SegmentInfos.readLatestCommit(writer.getDirectory()).getUserData().get(SEQ_KEY);
        return v == null ? 0 : Long.parseLong(v);
    }

    /** The last sequence number the index holds (committed). */
    public long indexedSeq() {
        return indexedSeq.get();
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
        try {
            IndexSearcher s = searchers.acquire();
            try {
                return work.apply(s);
            } finally {
                searchers.release(s);
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
            if (searchers != null) {
                searchers.close();
            }
            if (writer != null) {
                writer.rollback();
            }
            if (directory != null) {
                directory.close();
            }
        } catch (IOException e) {
            LOG.warn("closing the index failed", e);
        } finally {
            writeLock.unlock();
        }
    }
}
