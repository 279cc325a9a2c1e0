package tyndau.ingest;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import tyndau.document.Analyser;
import tyndau.document.Analysis;
import tyndau.document.DocumentRow;
import tyndau.document.DocumentWriter;
import tyndau.document.NewDocument;
import tyndau.document.WriteOutcome;
import tyndau.index.LuceneIndex;

/**
 * How a document comes in, top to bottom. Every entry point goes through these steps here: the import
 * ({@code archive.ArchiveImporter}), a feed's items and a page's articles ({@code sources.FeedItems},
 * {@code sources.SourceFetch}), and {@code POST /api/analyze} (steps 1 and 2 only, nothing stored).
 * <ol>
 * <li><b>normalise</b> ({@link Normaliser}): the raw item's title, text and HTML made plain and clipped, its URL made
 * canonical, its language decided, its time read (or the item marked undateable); an item that cannot be stored is
 * refused here with the reason;</li>
 * <li><b>analyse once</b> ({@link #analyse}: {@link DocumentWriter#prepare}, which runs the {@link Analyser}): the
 * fingerprints that find copies, the tone and its reading, the topics and the tone about each; these travel with the
 * row from here on, and nothing downstream reads the text again;</li>
 * <li><b>store</b> ({@link #store}: {@link DocumentWriter#write}): copies and near-copies decided, rows inserted under
 * the writers' lock with gap-free sequence numbers, in one transaction per batch;</li>
 * <li><b>index</b>: the stored rows are handed to {@link LuceneIndex}, which indexes them in sequence order and commits
 * with the last number ({@link #awaitSearchable} waits for it);</li>
 * <li><b>announce</b>: the index fires {@code DocumentsIndexed}; the topic percolator, the alert rules and the alert
 * streams hear of the new documents.</li>
 * </ol>
 */
@ApplicationScoped
public class Pipeline {
    /**
     * How long a step of the import waits for the database to come back (a restart, a fail-over) before it gives up
     * and the lines it held are reported to be sent again.
     */
    static final Duration OUTAGE = Duration.ofSeconds(30);

    private final DocumentWriter writer;
    private final Analyser analyser;
    private final LuceneIndex index;

    Pipeline(DocumentWriter writer, Analyser analyser, LuceneIndex index) {
        this.writer = writer;
        this.analyser = analyser;
        this.index = index;
    }

    /** Step 1: a raw item as a document to store, or the reason it cannot be one. */
    public static Normaliser.Result normalise(Normaliser.Raw raw, boolean strictDates) {
        return Normaliser.normalise(raw, strictDates);
    }

    /** Step 1 for items whose time may be missing (fetched pages and feeds): see {@link Normaliser#normalise(Normaliser.Raw)}. */
    public static Normaliser.Result normalise(Normaliser.Raw raw) {
        return Normaliser.normalise(raw);
    }

    /**
     * Step 2 for a batch: read once, outside the writers' lock (the import runs it on its reading thread). Waits out a
     * database outage of up to {@link #OUTAGE}; past it, the failure is thrown ({@link DocumentWriter#databaseAway}).
     */
    public DocumentWriter.Batch analyse(List<NewDocument> batch) {
        long deadline = System.nanoTime() + OUTAGE.toNanos();
        long wait = 250;
        while (true) {
            try {
                return writer.prepare(batch);
            } catch (RuntimeException e) {
                if (!DocumentWriter.databaseAway(e) || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            wait = pause(wait);
        }
    }

    /**
     * Steps 3–5 for an analysed batch: one outcome per document, in order. Documents the database failed to store
     * for a reason of its own (not the row's) are stored again as it comes back, for up to {@link #OUTAGE}; what is
     * still not stored then stays {@code FAILED}, for the caller to report.
     */
    public List<WriteOutcome> store(DocumentWriter.Batch analysed) {
        List<WriteOutcome> out = new java.util.ArrayList<>(writer.write(analysed));
        List<NewDocument> inputs = analysed.documents();
        long deadline = System.nanoTime() + OUTAGE.toNanos();
        long wait = 250;
        while (System.nanoTime() < deadline) {
            List<Integer> failed = new java.util.ArrayList<>();
            for (int i = 0; i < out.size(); i++) {
                if (out.get(i).kind() == WriteOutcome.Kind.FAILED) {
                    failed.add(i);
                }
            }
            if (failed.isEmpty()) {
                break;
            }
            wait = pause(wait);
            try {
                List<WriteOutcome> again = writer.write(failed.stream().map(inputs::get).toList());
                for (int k = 0; k < failed.size(); k++) {
                    out.set(failed.get(k), again.get(k));
                }
            } catch (RuntimeException e) {
                if (!DocumentWriter.databaseAway(e)) {
                    throw e;
                }
            }
        }
        return out;
    }

    /** Sleeps {@code millis}; answers the next wait (doubling, at most 4 s). */
    private static long pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", e);
        }
        return Math.min(4_000, millis * 2);
    }

    /**
     * Steps 2–5 for a few documents (a feed's items, a page's articles): one outcome each; when the batch fails, each
     * document is stored alone, so one bad row costs only itself.
     */
    public List<WriteOutcome> storeEach(List<NewDocument> docs) {
        return writer.writeAll(docs);
    }

    /** Step 2 alone, for a text that is not stored ({@code POST /api/analyze}): read as if it were new. */
    public Analysis analyseOnly(DocumentRow row) {
        return analyser.analyse(row, true);
    }

    /** Whether everything stored so far is searchable within {@code timeout} (step 4 done). */
    public boolean awaitSearchable(Duration timeout) {
        return index.awaitIndexed(writer.maxSeq(), timeout);
    }

    /** Time spent so far in each step, for the import's log. */
    public String timings() {
        return writer.timings();
    }
}
