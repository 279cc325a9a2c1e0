package tyndau.document;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import org.jboss.logging.Logger;
import tyndau.cluster.Cluster;

/**
 * Re-assigns every event when the events' parameters changed (docs/events.md, "Re-assignment"): rows whose
 * {@code event_version} is not today's (or null, stored before events) start it by themselves, at the first heartbeat of
 * the instance that holds the {@link Cluster.Job#EVENTS} job (one per database), or an admin does
 * ({@code POST /api/admin/reindex}). It runs on a thread of its own, a {@link Reassignment} step of {@value #CHUNK} rows
 * at a time under the writer's lock, so imports go on between steps; a mark in {@code event_rebuild} tells every
 * instance's writer to store new documents without an event meanwhile. When it is done it fires {@link EventsRebuilt}
 * (this instance's index rebuilds) and tells the other instances ("events"), whose writers restore from the table.
 */
@ApplicationScoped
public class EventRebuild {
    private static final Logger LOG = Logger.getLogger(EventRebuild.class);
    static final int CHUNK = 500;
    /** After a failed run, the next heartbeat that finds the mark unfinished starts again, at most this often. */
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final DocumentWriter writer;
    private final EventGrouping grouping;
    private final Cluster cluster;
    private final Event<EventsRebuilt> rebuilt;
    private volatile Status status = Status.IDLE;
    /** The run going on this instance (from its first step to its last or its failure); null: none. */
    private volatile Reassignment current;
    private volatile boolean stopping;
    private Thread worker;
    private boolean checkedWhileHolding;
    private Instant retryAfter = Instant.EPOCH;

    EventRebuild(DocumentWriter writer, EventGrouping grouping, Cluster cluster, Event<EventsRebuilt> rebuilt) {
        this.writer = writer;
        this.grouping = grouping;
        this.cluster = cluster;
        this.rebuilt = rebuilt;
    }

    /** What the admin status shows of the current or last re-assignment. */
    public record Status(String state, String version, long done, long total, Instant startedAt, Instant finishedAt, String error) {
        static final Status IDLE = new Status("idle", null, 0, 0, null, null, null);
    }

    public Status status() {
        return status;
    }

    /** Whether a re-assignment runs on this instance now. */
    public boolean running() {
        return current != null;
    }

    /**
     * Starts a re-assignment when rows are stale (or a run under today's version was left unfinished), events are on,
     * and this instance holds the events job; answers whether it started now.
     */
    public synchronized boolean start() {
        if (stopping || running() || worker != null && worker.isAlive() || !grouping.enabled() || !cluster.holds(Cluster.Job.EVENTS) || !needed(true)) {
            return false;
        }
        status = new Status("running", grouping.version(), 0, 0, Instant.now(), null, null);
        Thread t = new Thread(this::run, "events-rebuild");
        t.setDaemon(true);
        worker = t;
        t.start();
        return true;
    }

    /**
     * At every heartbeat: the first one that finds this instance holding the job looks for stale rows (one query over the
     * table); later ones only for a run left unfinished (one row), which they take over.
     */
    void onBeat(@Observes Cluster.Beat beat) {
        try {
            if (!cluster.holds(Cluster.Job.EVENTS)) {
                checkedWhileHolding = false;
                return;
            }
            boolean first = !checkedWhileHolding;
            checkedWhileHolding = true;
            if ((first || Instant.now().isAfter(retryAfter) && needed(false)) && !running()) {
                start();
            }
        } catch (RuntimeException e) {
            LOG.warn("checking whether events must be re-assigned failed; the next heartbeat checks again", e);
        }
    }

    /** Rows to re-assign: a run of today's version left unfinished, or ({@code stale}) rows assigned under another version. */
    private boolean needed(boolean stale) {
        String v = grouping.version();
        return QuarkusTransaction.requiringNew().call(() -> {
            EventRebuildMark m = tyndau.Row.find(EventRebuildMark.class, v);
            if (m != null && m.finishedAt == null) {
                return true;
            }
            return stale && !tyndau.Row.em().createQuery("select d.id from Document d where d.eventVersion is null or d.eventVersion <> :v",
                    Long.class).setParameter("v", v).setMaxResults(1).getResultList().isEmpty();
        });
    }

    private void run() {
        try {
            Reassignment r = begin();
            while (step(r, CHUNK)) {
                if (stopping) {
                    throw new IllegalStateException("the service is stopping; the re-assignment starts again at the next start");
                }
            }
            status = new Status("done", r.version(), r.done, r.total, status.startedAt(), Instant.now(), null);
            LOG.infof("events re-assigned under %s: %d rows in %d s; the index is rebuilt", r.version(), r.done,
                    Duration.between(status.startedAt(), status.finishedAt()).toSeconds());
            rebuilt.fire(new EventsRebuilt(r.version()));
            cluster.announce("events", r.version());
        } catch (RuntimeException e) {
            current = null;
            retryAfter = Instant.now().plus(RETRY);
            status = new Status("failed", grouping.version(), status.done(), status.total(), status.startedAt(), Instant.now(), e.getMessage());
            if (stopping) {
                LOG.info("re-assigning events stopped with the service; it starts again at the next start");
            } else {
                LOG.error("re-assigning events failed; new documents stay without an event until it runs again", e);
            }
        }
    }

    /** The first step: the run's mark (every writer now stores new documents without an event) and its fresh assigner. */
    Reassignment begin() {
        Reassignment r = writer.exclusively(em -> {
            Reassignment run = Reassignment.begin(em, grouping);
            EventRebuildMark m = em.find(EventRebuildMark.class, grouping.version());
            boolean first = m == null;
            m = first ? new EventRebuildMark() : m;
            m.version = grouping.version();
            m.holder = cluster.id();
            m.startedAt = Instant.now();
            m.finishedAt = null;
            m.done = 0;
            m.total = run.total;
            if (first) {
                em.persist(m);
            }
            return run;
        });
        current = r;
        status = new Status("running", r.version(), 0, r.total, Instant.now(), null, null);
        LOG.infof("re-assigning every event under %s: %d rows, %d at a time", r.version(), r.total, CHUNK);
        return r;
    }

    /** One step of {@code chunk} rows under the writer's lock; false once the run is finished (and its mark says so). */
    boolean step(Reassignment r, int chunk) {
        long before = r.done;
        boolean more = writer.exclusively(em -> {
            EventRebuildMark m = em.find(EventRebuildMark.class, r.version());
            if (m == null || !cluster.id().equals(m.holder)) {
                // Another instance took the job over (this one lost its lock) and started again: its run is the one.
                throw new IllegalStateException("another instance re-assigns the events now");
            }
            boolean going = r.step(em, chunk);
            m.done = r.done;
            m.finishedAt = going ? null : Instant.now();
            return going;
        });
        status = new Status(more ? "running" : "done", r.version(), r.done, r.total, status.startedAt(), more ? null : Instant.now(), null);
        if (!more) {
            current = null;
        }
        if (r.total > 0 && before * 10 / r.total != r.done * 10 / r.total) {
            double seconds = Math.max(0.001, Duration.between(status.startedAt(), Instant.now()).toMillis() / 1000.0);
            LOG.infof("events re-assigned: %d / %d rows, %.0f/s, %d events open", r.done, r.total, r.done / seconds, r.openEvents());
        }
        return more;
    }

    /** Shutdown comes before the database closes: a running re-assignment stops at its next step (its mark stays unfinished). */
    void onStop(@Observes @Priority(1) ShutdownEvent stop) {
        stopping = true;
        Thread t;
        synchronized (this) {
            t = worker;
        }
        if (t != null && t.isAlive()) {
            try {
                t.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
