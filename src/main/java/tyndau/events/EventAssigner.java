package tyndau.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Groups reports into events online, one report at a time, in publication order or near it: a report joins
 * the open event it matches best, or starts one. Ids are given once, in increasing order, and never change;
 * when a report bridges two events (it matches both strongly) the younger one is absorbed into the older and
 * its id redirects there ({@link #resolve}).
 *
 * <p><b>Candidates</b> come from an inverted index of open events by key (names and concepts of their
 * reports): only events sharing a key with the report are scored, never a scan of all. Keys carried by more
 * than {@link #COMMON_SHARE} of the reports seen (Kazakhstan, Tokayev) do not fetch candidates on their own.
 *
 * <p><b>Score</b> against an event: the cosine between the report's keys and the event's (each key weighted
 * by its IDF over the reports seen so far, names more than concepts; the event's by the share of its reports
 * that carry it); minus a penalty when the report's people and places are all foreign to the event (another
 * official, another country); plus agreeing figures, minus a figure of one unit that differs from the event's
 * (100 vs 250 tonnes is another shipment); plus a day both name, minus days named that are all apart (more when the report
 * names its own day: the same kind of happening again); minus the days between the report and the event; plus a public
 * report following a government release (roles), minus a second report of one source in one language within
 * 12 hours. A report that shares fewer than {@link EventParameters#minSharedKeys()} names and concepts with an event cannot
 * join it. A report joins at {@link EventParameters#threshold()}.
 *
 * <p><b>Time</b>: an event can be joined within {@link EventParameters#windowDays()} of its first and last
 * report, and is forgotten (dropped from the index) once the newest report seen is
 * window + {@link EventParameters#latenessDays()} past its last one; a report arriving later than that for
 * it starts an event of its own.
 *
 * <p>Not thread-safe: one assigner is fed by one thread (the pipeline's writer holds the order anyway).
 */
public final class EventAssigner {
    /** A key carried by more than this share of reports seen does not fetch candidates by itself. */
    static final double COMMON_SHARE = 0.3;
    private static final double DAY = 86_400.0;
    /** The score of an event a report shares too little with to join ({@link EventParameters#minSharedKeys()}). */
    private static final double NO_MATCH = -1;

    private final EventParameters parameters;
    private final Map<Long, OpenEvent> open = new HashMap<>();
    private final Map<String, Set<Long>> postings = new HashMap<>();
    private final Map<Long, Long> redirects = new HashMap<>();
    private final Map<String, Integer> documentFrequency = new HashMap<>();
    private long nextId;
    private int seen;
    /** Events scored so far, over all reports: what the index saves against a scan (read by tests). */
    long scored;
    private Instant newest = Instant.EPOCH;
    private Instant oldest;
    private Instant swept = Instant.EPOCH;

    public EventAssigner(EventParameters parameters) {
        this(parameters, 1);
    }

    /** An assigner whose first new event is {@code firstId} (the service continues after the largest id it stored). */
    public EventAssigner(EventParameters parameters, long firstId) {
        this.parameters = parameters;
        this.nextId = firstId;
    }

    public EventParameters parameters() {
        return parameters;
    }

    /** Assigns one report and learns from it. */
    public Assignment assign(EventFingerprint report) {
        Set<Long> candidates = candidates(report);
        Map<Long, Double> scores = new HashMap<>();
        long best = -1;
        double bestScore = Double.NEGATIVE_INFINITY;
        scored += candidates.size();
        for (long id : candidates) {
            double s = score(report, open.get(id));
            scores.put(id, s);
            if (s > bestScore || s == bestScore && id < best) {
                best = id;
                bestScore = s;
            }
        }
        Assignment result;
        if (best >= 0 && bestScore >= parameters.threshold()) {
            OpenEvent event = open.get(best);
            event.add(report);
            index(event, report.keys());
            List<Long> absorbed = new ArrayList<>();
            long survivor = best;
            if (bestScore >= parameters.mergeThreshold()) {
                List<Long> bridged = new ArrayList<>();
                for (Map.Entry<Long, Double> e : scores.entrySet()) {
                    if (e.getKey() != best && e.getValue() >= parameters.mergeThreshold()) {
                        bridged.add(e.getKey());
                    }
                }
                Collections.sort(bridged);
                for (long other : bridged) {
                    if (open.containsKey(other) && open.containsKey(survivor) && compatible(open.get(survivor), open.get(other))) {
                        long older = Math.min(survivor, other);
                        long younger = Math.max(survivor, other);
                        merge(older, younger);
                        absorbed.add(younger);
                        survivor = older;
                    }
                }
            }
            result = new Assignment(report.id(), survivor, false, bestScore, absorbed);
        } else {
            OpenEvent event = new OpenEvent(nextId++, report);
            open.put(event.id, event);
            index(event, report.keys());
            result = new Assignment(report.id(), event.id, true, 0, List.of());
        }
        learn(report);
        return result;
    }

    /**
     * Takes back a report already assigned to {@code event} (a stored row, when the service starts or another
     * instance wrote meanwhile): it joins that event, opened under that id if it is not open, and is learnt from as
     * {@link #assign} would; new ids continue above every id restored.
     */
    public void restore(EventFingerprint report, long event) {
        OpenEvent e = open.get(event);
        if (e == null) {
            e = new OpenEvent(event, report);
            open.put(event, e);
        } else {
            e.add(report);
        }
        index(e, report.keys());
        nextId = Math.max(nextId, event + 1);
        learn(report);
    }

    /** A new id for a report that cannot be read for its event (no publication time): an event of its own, nothing learnt. */
    public long alone() {
        return nextId++;
    }

    /** The event an id now stands for: itself, or the event it was merged into (followed to the end). */
    public long resolve(long id) {
        long at = id;
        Long next = redirects.get(at);
        while (next != null) {
            at = next;
            next = redirects.get(at);
        }
        return at;
    }

    /** Every absorbed id and the event it was merged into (directly; {@link #resolve} follows chains). */
    public Map<Long, Long> redirects() {
        return Map.copyOf(redirects);
    }

    /**
     * Events whose last report is before this instant were dropped at the last sweep ({@link Instant#EPOCH} before any
     * sweep): a report within the window of that time meets none of them (the service restores them from its table).
     */
    public Instant forgottenBefore() {
        return swept.equals(Instant.EPOCH) ? Instant.EPOCH
                : swept.minusSeconds((long) ((parameters.windowDays() + parameters.latenessDays()) * DAY));
    }

    /**
     * Whether reports published from {@code first} to {@code last} are out of reach of every report this assigner has
     * seen (window and lateness): nothing it holds can be joined by them, and what it learnt (how rare each key is, which
     * parties are everywhere) was learnt from another period.
     */
    public boolean farFrom(Instant first, Instant last) {
        long reach = (long) ((parameters.windowDays() + parameters.latenessDays()) * DAY);
        return oldest != null && (first.minusSeconds(reach).isAfter(newest) || last.plusSeconds(reach).isBefore(oldest));
    }

    /** Events that can still be joined. */
    public int openEvents() {
        return open.size();
    }

    /** The score a report would have against an open event (for tests and explanations); empty if it is not open. */
    public java.util.OptionalDouble scoreAgainst(EventFingerprint report, long event) {
        OpenEvent e = open.get(resolve(event));
        return e == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(score(report, e));
    }

    private Set<Long> candidates(EventFingerprint report) {
        Set<Long> out = new HashSet<>();
        Set<String> keys = report.keys();
        boolean anyRare = keys.stream().anyMatch(k -> !common(k));
        for (String k : keys) {
            if (anyRare && common(k)) {
                continue;
            }
            Set<Long> ids = postings.get(k);
            if (ids != null) {
                for (long id : ids) {
                    OpenEvent e = open.get(id);
                    if (e != null && (!parameters.time() || e.gapSeconds(report.published()) <= parameters.windowDays() * DAY)) {
                        out.add(id);
                    }
                }
            }
        }
        return out;
    }

    private boolean common(String key) {
        return seen >= 20 && documentFrequency.getOrDefault(key, 0) > COMMON_SHARE * seen;
    }

    double score(EventFingerprint d, OpenEvent e) {
        double dot = 0;
        double dd = 0;
        int shared = 0;
        for (String k : d.keys()) {
            double w = weight(k) * (d.inLead(k) ? 1 : parameters.backgroundWeight());
            dd += w * w;
            Integer c = e.keyCounts.get(k);
            if (c != null) {
                dot += w * weight(k) * c / e.reports;
                shared++;
            }
        }
        if (shared < parameters.minSharedKeys()) {
            return NO_MATCH;
        }
        double ee = 0;
        for (Map.Entry<String, Integer> k : e.keyCounts.entrySet()) {
            double w = weight(k.getKey()) * k.getValue() / e.reports;
            ee += w * w;
        }
        double score = dd == 0 || ee == 0 ? 0 : dot / Math.sqrt(dd * ee);
        if (parameters.entities() && otherParties(d, e)) {
            score -= parameters.partyConflict();
        }
        if (parameters.numbers()) {
            score += figures(d, e);
            if (!Collections.disjoint(d.dates(), e.dates)) {
                score += parameters.dateMatch();
            }
            Set<java.time.LocalDate> own = d.ownDays();
            if (!own.isEmpty() && !e.ownDays.isEmpty() && apart(own, e.ownDays)) {
                score -= parameters.dateConflict() + parameters.newDayConflict();
            } else if (!d.dates().isEmpty() && !e.dates.isEmpty() && apart(d.dates(), e.dates)) {
                score -= parameters.dateConflict();
            }
        }
        if (parameters.time()) {
            score -= parameters.timePerDay() * e.gapSeconds(d.published()) / DAY;
        }
        if (parameters.roles()) {
            score += roles(d, e);
        }
        return score;
    }

    /**
     * The report's people are none of the event's while the event has people of its own in most reports (another
     * official in the same city), or the same holds for people and places together (another country). People and
     * places carried by more than {@link #COMMON_SHARE} of all reports (the president, the country) do not count.
     */
    private boolean otherParties(EventFingerprint d, OpenEvent e) {
        return foreign(d, e, true) || foreign(d, e, false);
    }

    private boolean foreign(EventFingerprint d, OpenEvent e, boolean peopleOnly) {
        boolean mine = false;
        for (String a : d.parties()) {
            if ((!peopleOnly || person(a)) && !common(a)) {
                mine = true;
                if (e.parties.contains(a)) {
                    return false;
                }
            }
        }
        if (!mine) {
            return false;
        }
        for (String a : e.parties) {
            if ((!peopleOnly || person(a)) && !common(a) && e.keyCounts.getOrDefault(a, 0) * 2 >= e.reports) {
                return true;
            }
        }
        return false;
    }

    private static boolean person(String party) {
        return !party.startsWith("g:");
    }

    private double figures(EventFingerprint d, OpenEvent e) {
        Map<String, Set<Double>> mine = new HashMap<>();
        for (Quantity q : d.quantities()) {
            mine.computeIfAbsent(q.unit(), u -> new HashSet<>()).add(q.value());
        }
        double out = 0;
        for (Map.Entry<String, Set<Double>> u : mine.entrySet()) {
            if (u.getKey().equals(Quantity.NONE)) {
                boolean any = false;
                for (double v : u.getValue()) {
                    any |= v >= 10 && e.figures.values().stream().anyMatch(s -> s.contains(v));
                }
                out += any ? parameters.numberMatch() / 2 : 0;
                continue;
            }
            Set<Double> theirs = e.figures.get(u.getKey());
            if (theirs == null || theirs.isEmpty()) {
                Set<Double> bare = e.figures.get(Quantity.NONE);
                if (bare != null && !Collections.disjoint(bare, u.getValue())) {
                    out += parameters.numberMatch() / 2;
                }
                continue;
            }
            if (near(theirs, u.getValue())) {
                out += parameters.numberMatch();
            } else if (theirs.size() == 1) {
                out -= parameters.numberConflict() * strength(u.getKey());
            }
        }
        return out;
    }

    /** Some figure of one set is within {@link EventParameters#figureTolerance()} of one of the other ("over a million", "1.2 million"). */
    private boolean near(Set<Double> a, Set<Double> b) {
        for (double x : a) {
            for (double y : b) {
                if (Math.abs(x - y) <= parameters.figureTolerance() * Math.max(Math.abs(x), Math.abs(y))) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Every day of one set is two days or more from every day of the other. */
    private static boolean apart(Set<java.time.LocalDate> a, Set<java.time.LocalDate> b) {
        for (java.time.LocalDate x : a) {
            for (java.time.LocalDate y : b) {
                if (Math.abs(x.toEpochDay() - y.toEpochDay()) < 2) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double strength(String unit) {
        return unit.equals(Quantity.TONNE) || unit.equals(Quantity.PERSON)
                || unit.startsWith("money:") ? 1 : 0;
    }

    private double roles(EventFingerprint d, OpenEvent e) {
        double out = 0;
        boolean answered = false;
        boolean repeated = false;
        for (OpenEvent.Seen s : e.seen) {
            double hours = Math.abs(d.published().getEpochSecond() - s.published().getEpochSecond()) / 3600.0;
            if (d.side() == ReportSide.PUBLIC && s.side() == ReportSide.GOVERNMENT && !s.published().isAfter(d.published())
                    && hours <= 24) {
                answered = true;
            }
            if (!d.source().isEmpty() && s.source().equals(d.source()) && s.lang().equals(d.lang()) && hours <= 12) {
                repeated = true;
            }
        }
        if (answered) {
            out += parameters.roleBonus();
        }
        if (repeated) {
            out -= parameters.sameSourcePenalty();
        }
        return out;
    }

    /** Two events may merge unless a strong unit's figures all differ (two shipments stay two). */
    private boolean compatible(OpenEvent a, OpenEvent b) {
        for (Map.Entry<String, Set<Double>> u : a.figures.entrySet()) {
            Set<Double> other = b.figures.get(u.getKey());
            if (strength(u.getKey()) >= 1 && other != null && Collections.disjoint(other, u.getValue())) {
                return false;
            }
        }
        return true;
    }

    private double weight(String key) {
        double idf = Math.log(1 + (seen + 1.0) / (documentFrequency.getOrDefault(key, 0) + 1.0));
        return idf * (key.startsWith("c:") ? parameters.conceptWeight() : parameters.nameWeight());
    }

    private void merge(long survivor, long absorbed) {
        OpenEvent keep = open.get(survivor);
        OpenEvent gone = open.remove(absorbed);
        keep.absorb(gone);
        for (String k : gone.keyCounts.keySet()) {
            Set<Long> ids = postings.get(k);
            if (ids != null) {
                ids.remove(absorbed);
                ids.add(survivor);
            }
        }
        redirects.put(absorbed, survivor);
    }

    private void index(OpenEvent event, Set<String> keys) {
        for (String k : keys) {
            postings.computeIfAbsent(k, x -> new HashSet<>()).add(event.id);
        }
    }

    private void learn(EventFingerprint report) {
        seen++;
        if (report.published().isAfter(newest)) {
            newest = report.published();
        }
        if (oldest == null || report.published().isBefore(oldest)) {
            oldest = report.published();
        }
        for (String k : report.keys()) {
            documentFrequency.merge(k, 1, Integer::sum);
        }
        if (parameters.time() && newest.getEpochSecond() - swept.getEpochSecond() >= 3600) {
            forgetClosed();
            swept = newest;
        }
    }

    /** Drops events nobody can join any more from the index; their ids (and redirects) stay valid. */
    private void forgetClosed() {
        double keepSeconds = (parameters.windowDays() + parameters.latenessDays()) * DAY;
        List<Long> closed = new ArrayList<>();
        for (OpenEvent e : open.values()) {
            if (newest.getEpochSecond() - e.last.getEpochSecond() > keepSeconds) {
                closed.add(e.id);
            }
        }
        for (long id : closed) {
            OpenEvent e = open.remove(id);
            for (String k : e.keyCounts.keySet()) {
                Set<Long> ids = postings.get(k);
                if (ids != null) {
                    ids.remove(id);
                    if (ids.isEmpty()) {
                        postings.remove(k);
                    }
                }
            }
        }
    }
}
