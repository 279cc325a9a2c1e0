package tyndau.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;
import tyndau.events.Assignment;
import tyndau.events.EventAssigner;
import tyndau.events.EventFingerprint;
import tyndau.events.EventParameters;
import tyndau.events.Fingerprinter;
import tyndau.events.Report;
import tyndau.events.ReportSide;
import tyndau.source.Side;
import tyndau.source.Source;

/**
 * The writer's events (issue 31, docs/events.md): reports are fingerprinted with the rest of the reading, before the
 * lock; they are assigned under the writer's lock, in sequence order, by one {@link EventAssigner}. Its open events
 * live in memory and are restored from the table: at the first write, from the rows published within the
 * assigner's reach of the reports about to be assigned (bounded memory), and again around a batch that can meet stored
 * reports the assigner does not hold (another period, or one it forgot); before every write, from the rows another instance stored
 * since (sequence numbers above the last this instance saw, as the index catches up); from scratch after a merge
 * another instance made, after a failed transaction, or after a re-assignment of every event ({@link EventRebuild}), during
 * which new documents are stored without an event. Not thread-safe: called under the writer's lock only.
 */
@ApplicationScoped
class EventGrouping {
    private static final Logger LOG = Logger.getLogger(EventGrouping.class);

    private final EventsConfig config;
    private final Side side;
    private final EventParameters parameters = EventParameters.defaults();
    private final Fingerprinter fingerprinter = new Fingerprinter(parameters);
    private final String version = parameters.version();
    /** Set at every {@link #catchUp}: a re-assignment of every event is running (see {@link #pending()}). */
    private boolean pending;
    /** Null: to be restored from the table before the next assignment. */
    private volatile EventAssigner assigner;
    /** The highest sequence number this assigner has seen (stored by this instance or restored). */
    private long seenSeq;
    /**
     * The span of publication times restored into the assigner (null sides: open, no row stored beyond them when it
     * was restored); a batch that can meet stored reports outside it, or before what the assigner forgot, restores anew.
     */
    private Instant coveredFrom;
    private Instant coveredTo;
    /** The highest sequence number when the assigner was restored: later rows are held (assigned here, or restored by seq). */
    private long restoredSeq;

    EventGrouping(EventsConfig config, Side side) {
        this.config = config;
        this.side = side;
    }

    /** Tests only (benchmarks, through tyndau.document.EventSwitch): overrides {@link EventsConfig#enabled}; null: the configuration. */
    private volatile Boolean override;

    boolean enabled() {
        Boolean o = override;
        return o != null ? o : config.enabled();
    }

    void override(Boolean enabled) {
        override = enabled;
        assigner = null; // whatever was stored meanwhile is read back at the next write
    }

    String version() {
        return version;
    }

    /** The report's keys; null when events are off or it has no publication time (it will be an event of its own). */
    EventFingerprint fingerprint(String key, String language, Instant published, String source, String sideWire, String title,
            String body) {
        if (!enabled() || published == null) {
            return null;
        }
        return fingerprinter.fingerprint(new Report(key, language, published.atZone(config.zone()).toOffsetDateTime(), source,
                ReportSide.of(sideWire), title, body));
    }

    /** The same keys counted on another side (the source's role changed between reading and storing). */
    static EventFingerprint onSide(EventFingerprint f, String sideWire) {
        ReportSide s = ReportSide.of(sideWire);
        return f == null || f.side() == s ? f
                : new EventFingerprint(f.id(), f.lang(), f.published(), f.source(), s, f.names(), f.parties(), f.concepts(),
                        f.quantities(), f.dates());
    }

    /**
     * In the writer's transaction, after its lock: brings the assigner up to the table, whose highest sequence number
     * is {@code maxSeq}.
     */
    void catchUp(EntityManager em, long maxSeq, List<Instant> batch) {
        pending = em.createQuery("select count(m) from EventRebuildMark m where m.version = :v and m.finishedAt is null", Long.class)
                .setParameter("v", version).getSingleResult() > 0;
        if (pending) {
            assigner = null; // restored from the rebuilt table once the rebuild is done
            return;
        }
        if (assigner != null && maxSeq > seenSeq) {
            Long merges = em.createQuery("select count(r) from EventRedirect r where r.seq > :s", Long.class)
                    .setParameter("s", seenSeq).getSingleResult();
            if (merges > 0) {
                assigner = null; // another instance merged events this one holds open: start again from the table
            }
        }
        if (assigner != null && first(batch) != null && assigner.farFrom(first(batch), last(batch))) {
            // Another period (an archive of other years, the live feed after a long silence): start from what is stored
            // around it, so that the statistics are those of the batch's own time, as when the service starts.
            LOG.infof("events: a batch of %s to %s is out of the assigner's reach: restoring around the batch", first(batch), last(batch));
            assigner = null;
        }
        if (assigner != null && !covers(batch) && storedOutside(em, batch)) {
            LOG.infof("events: a batch of %s to %s meets stored reports the assigner does not hold (it holds %s to %s):"
                    + " restoring around the batch", first(batch), last(batch), from(), coveredTo == null ? "the newest" : coveredTo);
            assigner = null;
        }
        if (assigner == null) {
            restoreWindow(em, batch, maxSeq);
            seenSeq = maxSeq;
            return;
        }
        if (maxSeq > seenSeq) {
            int n = restore(em, em.createQuery(ROWS + "d.seq > :s and d.seq <= :m order by d.seq", Object[].class)
                    .setParameter("s", seenSeq).setParameter("m", maxSeq).getResultList());
            LOG.debugf("events: %d reports stored by another instance restored", n);
            seenSeq = maxSeq;
        }
    }

    /**
     * Whether the assigner holds every stored report the batch's reports can meet: those within the window of them lie in
     * the span restored, and after the last events the assigner forgot. Rows stored since the restore are held already
     * (this instance assigned them, or restored them by sequence number).
     */
    private boolean covers(List<Instant> batch) {
        Instant first = first(batch);
        if (first == null) {
            return true;
        }
        long window = (long) (parameters.windowDays() * 86_400);
        Instant from = from();
        return (from == null || !first.minusSeconds(window).isBefore(from))
                && (coveredTo == null || !last(batch).plusSeconds(window).isAfter(coveredTo));
    }

    /** The start of the span the assigner holds: the later of the span restored and its last forgetting; null: open. */
    private Instant from() {
        Instant forgotten = assigner.forgottenBefore();
        if (forgotten.equals(Instant.EPOCH)) {
            return coveredFrom;
        }
        return coveredFrom == null || forgotten.isAfter(coveredFrom) ? forgotten : coveredFrom;
    }

    /**
     * Whether stored reports lie where the batch can meet them and the assigner does not hold them: rows stored by the
     * restore's time outside the span restored, and rows of any time before what the assigner forgot. Otherwise (an
     * archive of a period nothing was stored for) the batch is assigned as it is, without the cost of a restore.
     */
    private boolean storedOutside(EntityManager em, List<Instant> batch) {
        long window = (long) (parameters.windowDays() * 86_400);
        Instant forgotten = assigner.forgottenBefore();
        String notHeld = "(d.seq <= :restored and (" + (coveredFrom == null ? "" : "d.publishedAt < :from")
                + (coveredFrom != null && coveredTo != null ? " or " : "") + (coveredTo == null ? "" : "d.publishedAt > :to")
                + (coveredFrom == null && coveredTo == null ? "1 = 0" : "") + ")) or d.publishedAt < :forgotten";
        var q = em.createQuery("select count(d) from Document d where d.eventId is not null and d.duplicateOf is null"
                + " and d.publishedAt >= :lo and d.publishedAt <= :hi and (" + notHeld + ")", Long.class)
                .setParameter("lo", first(batch).minusSeconds(window)).setParameter("hi", last(batch).plusSeconds(window))
                .setParameter("restored", restoredSeq).setParameter("forgotten", forgotten);
        if (coveredFrom != null) {
            q.setParameter("from", coveredFrom);
        }
        if (coveredTo != null) {
            q.setParameter("to", coveredTo);
        }
        return q.getSingleResult() > 0;
    }

    private static Instant first(List<Instant> batch) {
        return batch.stream().filter(java.util.Objects::nonNull).min(Instant::compareTo).orElse(null);
    }

    private static Instant last(List<Instant> batch) {
        return batch.stream().filter(java.util.Objects::nonNull).max(Instant::compareTo).orElse(null);
    }

    private static final String ROWS = "select d.eventId, d.language, d.publishedAt, d.sourceId, d.title, d.body, d.id"
            + " from Document d where d.eventId is not null and d.duplicateOf is null and d.publishedAt is not null and ";

    /**
     * A new assigner, with the open events the batch about to be assigned can join: the stored reports published within
     * the assigner's reach of the batch's reports (of the newest stored one when the batch has no dates). Bounded
     * memory; an archive of another period imported after a start is met by the events of its own period. The span
     * restored is remembered ({@link #covers}): a side beyond which no row up to {@code maxSeq} is stored is open.
     */
    private void restoreWindow(EntityManager em, List<Instant> batch, long maxSeq) {
        long firstId = 1;
        Long maxEvent = em.createQuery("select max(d.eventId) from Document d", Long.class).getSingleResult();
        Long maxAbsorbed = em.createQuery("select max(r.absorbed) from EventRedirect r", Long.class).getSingleResult();
        firstId = Math.max(firstId, Math.max(maxEvent == null ? 0 : maxEvent, maxAbsorbed == null ? 0 : maxAbsorbed) + 1);
        assigner = new EventAssigner(parameters, firstId);
        coveredFrom = null;
        coveredTo = null;
        restoredSeq = maxSeq;
        Instant first = first(batch);
        Instant last = last(batch);
        if (first == null) {
            first = em.createQuery("select max(d.publishedAt) from Document d where d.eventId is not null", Instant.class)
                    .getSingleResult();
            last = first;
        }
        if (first == null) {
            return;
        }
        long reach = (long) ((parameters.windowDays() + parameters.latenessDays()) * 86_400);
        Instant from = first.minusSeconds(reach);
        Instant to = last.plusSeconds(reach);
        Object[] span = em.createQuery("select min(d.publishedAt), max(d.publishedAt) from Document d where d.eventId is not null"
                + " and d.duplicateOf is null and d.seq <= :m", Object[].class).setParameter("m", maxSeq).getSingleResult();
        coveredFrom = span[0] != null && ((Instant) span[0]).isBefore(from) ? from : null;
        coveredTo = span[1] != null && ((Instant) span[1]).isAfter(to) ? to : null;
        long t0 = System.nanoTime();
        int n = restore(em, em.createQuery(ROWS + "d.publishedAt >= :from and d.publishedAt <= :to order by d.seq", Object[].class)
                .setParameter("from", from).setParameter("to", to).getResultList());
        LOG.infof("events: %d open events restored from %d reports of %s to %s in %d ms (next id %d)", assigner.openEvents(), n,
                from, to, (System.nanoTime() - t0) / 1_000_000, firstId);
    }

    private int restore(EntityManager em, List<Object[]> rows) {
        Map<String, Source> sources = DocumentRows.sources();
        for (Object[] r : rows) {
            assigner.restore(fingerprintOf(r, sources), (Long) r[0]);
        }
        return rows.size();
    }

    /** The keys of a stored row read as (eventId, language, publishedAt, sourceId, title, body, id), on its source's side. */
    EventFingerprint fingerprintOf(Object[] r, Map<String, Source> sources) {
        Source s = sources.get((String) r[3]);
        return fingerprint(Long.toString((Long) r[6]), (String) r[1], (Instant) r[2], (String) r[3],
                s == null ? null : side.of(s.role), (String) r[4], (String) r[5]);
    }

    EventParameters parameters() {
        return parameters;
    }

    /**
     * Whether every event is being re-assigned ({@link EventRebuild}, on this instance or another): new documents are
     * then stored without an event, and the rebuild assigns them.
     */
    boolean pending() {
        return pending;
    }

    /** The event of a report (null: it has no publication time and is an event of its own). */
    Assignment assign(EventFingerprint report) {
        return assigner.assign(report);
    }

    /** A new event of one report that cannot be read for its event. */
    long alone() {
        return assigner.alone();
    }

    /** This instance stored up to {@code seq} (called in the transaction that stored it). */
    void stored(long seq) {
        seenSeq = Math.max(seenSeq, seq);
    }

    /** A transaction failed after assignments were made: what the assigner learnt may not be stored; restore it. */
    void forget() {
        assigner = null;
    }
}
