package tyndau.document;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tyndau.events.Assignment;
import tyndau.events.EventAssigner;
import tyndau.source.Source;

/**
 * One re-assignment of every event ({@link EventRebuild}, docs/events.md "Re-assignment"), a step at a time, each step in
 * the writer's transaction under its lock. A fresh assigner walks the documents that are not copies in publication order
 * (publishedAt, id); then the undated ones (an event each); then the copies, which follow their original. New events get
 * provisional ids above every id ever used; when the assigner forgets one (nothing can join it any more) it takes the
 * old id most of its reports carried, unless an event closed before took it or an open one carries it more often, and
 * keeps its provisional id otherwise. An old id no event keeps redirects to the event that took most of its reports.
 * Rows the live writers stored meanwhile (without an event, {@link EventGrouping#pending()}) are assigned at the next
 * step: behind the walk as late reports, ahead of it by the walk itself. Memory: the assigner's open events, and two
 * entries per old id (kept, or where it would redirect).
 */
final class Reassignment {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(Reassignment.class);
    private enum Phase { DATED, UNDATED, COPIES, DONE }

    /** An open event of the run: its last report, and how many of its reports carried each old id. */
    private static final class Tally {
        Instant last = Instant.EPOCH;
        final Map<Long, Integer> votes = new HashMap<>();

        void add(Long old, Instant published) {
            if (old != null) {
                votes.merge(old, 1, Integer::sum);
            }
            if (published != null && published.isAfter(last)) {
                last = published;
            }
        }

        void absorb(Tally other) {
            other.votes.forEach((id, n) -> votes.merge(id, n, Integer::sum));
            if (other.last.isAfter(last)) {
                last = other.last;
            }
        }

        /** The old id most reports carried (the smaller on a tie); null when none carried one. */
        Long top() {
            return votes.entrySet().stream().max(Comparator.<Map.Entry<Long, Integer>>comparingInt(Map.Entry::getValue)
                    .thenComparing(Map.Entry::getKey, Comparator.reverseOrder())).map(Map.Entry::getKey).orElse(null);
        }
    }

    private static final String COLUMNS = "select d.eventId, d.language, d.publishedAt, d.sourceId, d.title, d.body, d.id from Document d where ";

    private final EventGrouping grouping;
    private final EventAssigner assigner;
    private final String version;
    private final Set<Long> absorbedBefore;
    private final Map<Long, Tally> open = new HashMap<>();
    /** Old ids kept by an event of the run. */
    private final Set<Long> taken = new HashSet<>();
    /** Old id not kept (yet) → {event of the run that took most of its reports, how many}. */
    private final Map<Long, long[]> redirectTo = new HashMap<>();
    /** Events closed when the walk ended, provisional id → final: where a late report that joins one goes. */
    private final Map<Long, Long> closedAtEnd = new HashMap<>();
    private Phase phase = Phase.DATED;
    private Instant cursorAt;
    private long cursorId;
    private long seenSeq;
    final long total;
    long done;

    private Reassignment(EventGrouping grouping, long firstId, Set<Long> absorbedBefore, long seenSeq, long total) {
        this.grouping = grouping;
        this.assigner = new EventAssigner(grouping.parameters(), firstId);
        this.version = grouping.version();
        this.absorbedBefore = absorbedBefore;
        this.seenSeq = seenSeq;
        this.total = total;
    }

    /** A run over the table as it is now: new ids above every id stored or redirected. */
    static Reassignment begin(EntityManager em, EventGrouping grouping) {
        long max = 0;
        for (String q : List.of("select max(d.eventId) from Document d", "select max(r.absorbed) from EventRedirect r",
                "select max(r.survivor) from EventRedirect r")) {
            Long m = em.createQuery(q, Long.class).getSingleResult();
            max = Math.max(max, m == null ? 0 : m);
        }
        Set<Long> absorbed = new HashSet<>(em.createQuery("select r.absorbed from EventRedirect r", Long.class).getResultList());
        Long seq = em.createQuery("select max(d.seq) from Document d", Long.class).getSingleResult();
        long total = em.createQuery("select count(d) from Document d", Long.class).getSingleResult();
        return new Reassignment(grouping, max + 1, absorbed, seq == null ? 0 : seq, total);
    }

    /** One step: rows stored since the last one, then up to {@code chunk} rows of the walk. False once the run is done. */
    boolean step(EntityManager em, int chunk) {
        Map<String, Source> sources = DocumentRows.sources();
        Map<Long, Long> rows = new LinkedHashMap<>();
        List<long[]> merges = new ArrayList<>();
        storedSince(em, sources, rows, merges);
        switch (phase) {
            case DATED -> {
                List<Object[]> next = (cursorAt == null
                        ? em.createQuery(COLUMNS + "d.duplicateOf is null and d.publishedAt is not null order by d.publishedAt, d.id", Object[].class)
                        : em.createQuery(COLUMNS + "d.duplicateOf is null and (d.publishedAt > :p or (d.publishedAt = :p and d.id > :i))"
                                + " order by d.publishedAt, d.id", Object[].class).setParameter("p", cursorAt).setParameter("i", cursorId))
                        .setMaxResults(chunk).getResultList();
                for (Object[] r : next) {
                    dated(r, sources, rows, merges);
                    cursorAt = (Instant) r[2];
                    cursorId = (Long) r[6];
                }
                done += next.size();
                if (next.size() < chunk) {
                    phase = Phase.UNDATED;
                    cursorId = 0;
                }
            }
            case UNDATED -> {
                List<Object[]> next = em.createQuery(COLUMNS + "d.duplicateOf is null and d.publishedAt is null and d.id > :i order by d.id",
                        Object[].class).setParameter("i", cursorId).setMaxResults(chunk).getResultList();
                for (Object[] r : next) {
                    rows.put((Long) r[6], alone((Long) r[0]));
                    cursorId = (Long) r[6];
                }
                done += next.size();
                if (next.size() < chunk) {
                    phase = Phase.COPIES;
                    cursorId = 0;
                }
            }
            default -> {
            }
        }
        write(em, rows, merges);
        close(em, phase == Phase.DATED ? assigner.forgottenBefore() : null);
        if (phase == Phase.COPIES) {
            List<Object[]> copies = em.createQuery("select d.id, o.eventId from Document d, Document o where o.id = d.duplicateOf"
                    + " and d.id > :i order by d.id", Object[].class).setParameter("i", cursorId).setMaxResults(chunk).getResultList();
            Map<Long, Long> follow = new LinkedHashMap<>();
            for (Object[] c : copies) {
                follow.put((Long) c[0], (Long) c[1]);
                cursorId = (Long) c[0];
            }
            write(em, follow, List.of());
            done += copies.size();
            if (copies.size() < chunk) {
                finish(em);
                return false;
            }
        }
        return true;
    }

    /** Rows the live writers stored since the last step without an event: behind the walk they are late reports of the run. */
    private void storedSince(EntityManager em, Map<String, Source> sources, Map<Long, Long> rows, List<long[]> merges) {
        Long max = em.createQuery("select max(d.seq) from Document d", Long.class).getSingleResult();
        if (max == null || max <= seenSeq) {
            return;
        }
        for (Object[] r : em.createQuery(COLUMNS + "d.seq > :s and d.seq <= :m and d.eventVersion is null and d.duplicateOf is null"
                + " order by d.seq", Object[].class).setParameter("s", seenSeq).setParameter("m", max).getResultList()) {
            Instant at = (Instant) r[2];
            long id = (Long) r[6];
            if (at == null && phase != Phase.DATED && (phase != Phase.UNDATED || id <= cursorId)) {
                rows.put(id, alone(null));
            } else if (at != null && !ahead(at, id)) {
                dated(r, sources, rows, merges);
            }
        }
        seenSeq = max;
    }

    /** Whether the walk has still to reach a dated row. */
    private boolean ahead(Instant at, long id) {
        return phase == Phase.DATED && (cursorAt == null || at.isAfter(cursorAt) || at.equals(cursorAt) && id > cursorId);
    }

    private void dated(Object[] r, Map<String, Source> sources, Map<Long, Long> rows, List<long[]> merges) {
        Assignment a = assigner.assign(grouping.fingerprintOf(r, sources));
        long event = closedAtEnd.getOrDefault(a.event(), a.event());
        Tally t = closedAtEnd.containsKey(a.event()) ? null : open.computeIfAbsent(event, k -> new Tally());
        for (long absorbed : a.absorbed()) {
            Tally gone = open.remove(absorbed);
            if (gone != null && t != null) {
                t.absorb(gone);
            }
            merges.add(new long[] {closedAtEnd.getOrDefault(absorbed, absorbed), event});
        }
        if (t != null) {
            t.add((Long) r[0], (Instant) r[2]);
        }
        rows.put((Long) r[6], event);
    }

    /** An undated document's event: its old id when no other event kept it, else a new one. */
    private long alone(Long old) {
        if (old != null && !taken.contains(old) && !absorbedBefore.contains(old)) {
            taken.add(old);
            redirectTo.remove(old);
            return old;
        }
        return assigner.alone();
    }

    /** Rows of this step to their events, the current version; then the merges of this step move rows already written. */
    private void write(EntityManager em, Map<Long, Long> rows, List<long[]> merges) {
        if (!rows.isEmpty()) {
            em.unwrap(org.hibernate.Session.class).doWork(c -> {
                try (java.sql.PreparedStatement ps = c.prepareStatement("update document set event_id = ?, event_version = ? where id = ?")) {
                    for (Map.Entry<Long, Long> e : rows.entrySet()) {
                        if (e.getValue() == null) {
                            ps.setNull(1, java.sql.Types.BIGINT);
                        } else {
                            ps.setLong(1, follow(merges, e.getValue()));
                        }
                        ps.setString(2, version);
                        ps.setLong(3, e.getKey());
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
            });
        }
        for (long[] m : merges) {
            em.createQuery("update Document d set d.eventId = :s where d.eventId = :a").setParameter("s", follow(merges, m[1]))
                    .setParameter("a", m[0]).executeUpdate();
        }
    }

    private static long follow(List<long[]> merges, long id) {
        long at = id;
        for (long[] m : merges) {
            if (m[0] == at) {
                at = m[1];
            }
        }
        return at;
    }

    /** Gives the events the assigner forgot (null: every open one, the walk is over) their final ids. */
    private void close(EntityManager em, Instant forgottenBefore) {
        List<Map.Entry<Long, Tally>> closing = open.entrySet().stream()
                .filter(e -> forgottenBefore == null || e.getValue().last.isBefore(forgottenBefore))
                .sorted(Comparator.comparing((Map.Entry<Long, Tally> e) -> e.getValue().last).thenComparing(Map.Entry::getKey))
                .toList();
        for (Map.Entry<Long, Tally> e : closing) {
            open.remove(e.getKey());
        }
        for (Map.Entry<Long, Tally> e : closing) {
            long fin = finalId(em, e.getKey(), e.getValue());
            if (forgottenBefore == null) {
                closedAtEnd.put(e.getKey(), fin);
            }
        }
    }

    private long finalId(EntityManager em, long provisional, Tally t) {
        Long old = t.top();
        long fin = provisional;
        if (old != null && !taken.contains(old) && !absorbedBefore.contains(old) && !carriedMoreOpen(old, t.votes.get(old))) {
            fin = old;
            taken.add(old);
            redirectTo.remove(old);
            em.createQuery("update Document d set d.eventId = :o where d.eventId = :p").setParameter("o", old)
                    .setParameter("p", provisional).executeUpdate();
        }
        for (Map.Entry<Long, Integer> v : t.votes.entrySet()) {
            long[] best = redirectTo.get(v.getKey());
            if (!taken.contains(v.getKey()) && (best == null || v.getValue() > best[1])) {
                redirectTo.put(v.getKey(), new long[] {fin, v.getValue()});
            }
        }
        return fin;
    }

    /** Whether an open event carries {@code old} on more reports than {@code votes}: it will be the bigger claim. */
    private boolean carriedMoreOpen(long old, int votes) {
        return open.values().stream().anyMatch(t -> t.votes.getOrDefault(old, 0) > votes);
    }

    /** The walk is over: the last events close, old ids no event kept redirect, and the mark says finished. */
    private void finish(EntityManager em) {
        close(em, null);
        Long seq = em.createQuery("select max(d.seq) from Document d", Long.class).getSingleResult();
        int redirects = 0;
        for (Map.Entry<Long, long[]> e : redirectTo.entrySet()) {
            if (!taken.contains(e.getKey()) && !absorbedBefore.contains(e.getKey()) && e.getKey() != e.getValue()[0]) {
                EventRedirect r = new EventRedirect();
                r.absorbed = e.getKey();
                r.survivor = e.getValue()[0];
                r.seq = seq == null ? 0 : seq;
                em.persist(r);
                redirects++;
            }
        }
        phase = Phase.DONE;
        done = Math.max(done, total);
        LOG.infof("events rebuilt under %s: %d old ids kept, %d redirect to the event that took most of their reports", version,
                taken.size(), redirects);
    }

    /** Events kept open by the run's assigner now (for progress). */
    int openEvents() {
        return assigner.openEvents();
    }

    String version() {
        return version;
    }
}
