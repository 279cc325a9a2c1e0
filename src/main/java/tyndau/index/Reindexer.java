package tyndau.index;


import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/** Rebuilds the index from the database into a new generation, one rebuild at a time, with progress. */
@ApplicationScoped
public class Reindexer {
    private static final Logger LOG = Logger.getLogger(Reindexer.class);

    private final LuceneIndex index;
    private final tyndau.document.EventRebuild events;
    private volatile Progress progress;
    private volatile boolean pending;
    /** The queued run must rebuild the whole index (events were re-assigned), not only re-read edited topics. */
    private volatile boolean pendingWhole;
    private volatile boolean stopping;
    private volatile Thread worker;

    Reindexer(LuceneIndex index, tyndau.document.EventRebuild events) {
        this.index = index;
        this.events = events;
    }

    /** Progress of the current or last rebuild. */
    public static final class Progress {
        final long total;
        final Instant startedAt = Instant.now();
        final AtomicLong done = new AtomicLong();
        final String generation;
        volatile Instant finishedAt;
        volatile String error;
        private long lastLoggedDecile;

        Progress(long total, String generation) {
            this.total = total;
            this.generation = generation;
        }

        void add(int n) {
            long d = done.addAndGet(n);
            long decile = total == 0 ? 10 : d * 10 / total;
            if (decile > lastLoggedDecile) {
                lastLoggedDecile = decile;
                Status s = status();
                LOG.infof("reindex %s: %d / %d documents, %.0f/s, ETA %s s", generation, s.done(), s.total(), s.rate(), s.etaSeconds());
            }
        }

        Status status() {
            Instant end = finishedAt == null ? Instant.now() : finishedAt;
            double seconds = Math.max(0.001, Duration.between(startedAt, end).toMillis() / 1000.0);
            long d = done.get();
            double rate = d / seconds;
            String state = error != null ? "failed" : finishedAt != null ? "done" : "running";
            Long eta = finishedAt != null ? Long.valueOf(0) : rate > 0 ? Long.valueOf(Math.max(0, Math.round((total - d) / rate))) : null;
            return new Status(state, generation, d, total, rate, eta, startedAt, finishedAt, error, null);
        }
    }

    /** What the API shows of a rebuild; {@code events}: the re-assignment of every event that comes before it, if any ran. */
    public record Status(String state, String generation, long done, long total, double rate, Long etaSeconds,
                         Instant startedAt, Instant finishedAt, String error, tyndau.document.EventRebuild.Status events) {
        static final Status IDLE = new Status("idle", null, 0, 0, 0, null, null, null, null, null);

        Status with(tyndau.document.EventRebuild.Status e) {
            return new Status(state, generation, done, total, rate, etaSeconds, startedAt, finishedAt, error, e);
        }
    }

    /** Starts a whole rebuild unless one is running (the admin's request); answers whether it was started now. */
    public synchronized boolean start() {
        return start(true);
    }

    /**
     * Starts bringing the index up to today's scorer and topics unless a run is going: when only topic queries changed,
     * by reading again just the documents of the changed topics into the current generation (progress counts those);
     * otherwise ({@code whole}, a new scorer, or an index that does not record its topics) by a whole rebuild into a
     * new generation.
     */
    synchronized boolean start(boolean whole) {
        if (stopping || (progress != null && progress.finishedAt == null && progress.error == null)) {
            return false;
        }
        java.util.Optional<LuceneIndex.Retopic> plan = whole ? java.util.Optional.empty() : index.retopicPlan();
        Progress p;
        Runnable work;
        if (plan.isPresent()) {
            p = new Progress(plan.get().ids().size(), index.currentGenerationName() + " (topics " + String.join(", ", plan.get().changed()) + ")");
            work = () -> run(p, () -> index.retopic(plan.get(), p));
        } else {
            long total = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(tyndau.document.Documents::count);
            p = new Progress(total, index.nextGenerationName());
            work = () -> run(p, () -> index.rebuildInto(p.generation, p));
        }
        progress = p;
        Thread t = new Thread(work, "reindex");
        t.setDaemon(true);
        worker = t;
        t.start();
        return true;
    }

    /** The work of one run: a rebuild or a topic edit's re-reading. */
    private interface Work {
        void run() throws java.io.IOException;
    }

    /** Scores or topic queries changed: rebuild (after the running rebuild, if one runs). */
    void onScoringChanged(@Observes LuceneIndex.ScoringChanged event) {
        startOrQueue();
    }

    void onTopicsChanged(@Observes TopicsChanged event) {
        startOrQueue();
    }

    /** Fired by whoever changes topic queries: topic tones in the index must be recomputed. */
    public record TopicsChanged() {
    }

    /** Every event was re-assigned (here, or by another instance: its "events" message): the event field is stale everywhere. */
    void onEventsRebuilt(@Observes tyndau.document.EventsRebuilt rebuilt) {
        rebuildWhole();
    }

    void onMessage(@Observes tyndau.cluster.Cluster.Message message) {
        if ("events".equals(message.kind())) {
            rebuildWhole();
        }
    }

    private synchronized void rebuildWhole() {
        if (!start(true) && !stopping) {
            pending = true;
            pendingWhole = true;
        }
    }

    private synchronized void startOrQueue() {
        if (!start(false) && !stopping) {
            pending = true;
        }
    }

    private void run(Progress p, Work work) {
        LOG.infof("reindex into %s started: %d documents", p.generation, p.total);
        try {
            work.run();
            p.finishedAt = Instant.now();
            Status s = p.status();
            LOG.infof("reindex %s done: %d documents in %.1f s (%.0f/s)", p.generation, s.done(),
                    Duration.between(p.startedAt, p.finishedAt).toMillis() / 1000.0, s.rate());
        } catch (Exception e) {
            p.finishedAt = Instant.now();
            if (stopping) {
                p.error = "abandoned: the service stopped";
                LOG.infof("reindex %s abandoned: the service is stopping; the current index is kept", p.generation);
            } else {
                p.error = "rebuild failed: " + e.getMessage();
                LOG.error("reindex failed; the current index is kept", e);
            }
        }
        synchronized (this) {
            if (pending && !stopping) {
                boolean whole = pendingWhole;
                pending = false;
                pendingWhole = false;
                start(whole);
            }
        }
    }

    /**
     * Shutdown comes before the database and the index close: a running rebuild stops at its next batch
     * and is waited for, so it never reads a closed database; none starts afterwards.
     */
    void onStop(@Observes @Priority(1) ShutdownEvent stop) {
        stopping = true;
        index.stopRebuilds();
        Thread t = worker;
        if (t != null && t.isAlive()) {
            try {
                t.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public Status status() {
        Progress p = progress;
        tyndau.document.EventRebuild.Status e = events.status();
        return (p == null ? Status.IDLE : p.status()).with("idle".equals(e.state()) ? null : e);
    }
}
