package tyndau.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** What the assigner keeps of an event while it can still be joined: its reports' keys, figures, days, times and sources. */
final class OpenEvent {
    /** One report, as much as the roles need: source, language, side, time. */
    record Seen(String source, String lang, ReportSide side, Instant published) {
    }

    final long id;
    Instant first;
    Instant last;
    int reports;
    final Map<String, Integer> keyCounts = new HashMap<>();
    final Set<String> parties = new HashSet<>();
    final Map<String, Set<Double>> figures = new HashMap<>();
    final Set<LocalDate> dates = new HashSet<>();
    /** The days its reports name as their own (the day they were published, or the day before): when it happened. */
    final Set<LocalDate> ownDays = new HashSet<>();
    final List<Seen> seen = new ArrayList<>();
    final Map<ReportSide, Integer> sides = new EnumMap<>(ReportSide.class);

    OpenEvent(long id, EventFingerprint first) {
        this.id = id;
        this.first = first.published();
        this.last = first.published();
        add(first);
    }

    void add(EventFingerprint d) {
        reports++;
        if (d.published().isBefore(first)) {
            first = d.published();
        }
        if (d.published().isAfter(last)) {
            last = d.published();
        }
        for (String k : d.keys()) {
            keyCounts.merge(k, 1, Integer::sum);
        }
        for (Quantity q : d.quantities()) {
            figures.computeIfAbsent(q.unit(), u -> new HashSet<>()).add(q.value());
        }
        dates.addAll(d.dates());
        ownDays.addAll(d.ownDays());
        parties.addAll(d.parties());
        seen.add(new Seen(d.source(), d.lang(), d.side(), d.published()));
        sides.merge(d.side(), 1, Integer::sum);
    }

    /** Takes in everything of {@code other} (a merge). */
    void absorb(OpenEvent other) {
        reports += other.reports;
        if (other.first.isBefore(first)) {
            first = other.first;
        }
        if (other.last.isAfter(last)) {
            last = other.last;
        }
        other.keyCounts.forEach((k, c) -> keyCounts.merge(k, c, Integer::sum));
        other.figures.forEach((u, v) -> figures.computeIfAbsent(u, x -> new HashSet<>()).addAll(v));
        dates.addAll(other.dates);
        ownDays.addAll(other.ownDays);
        parties.addAll(other.parties);
        seen.addAll(other.seen);
        other.sides.forEach((s, c) -> sides.merge(s, c, Integer::sum));
    }

    /** Seconds from {@code t} to the nearest instant of [first, last]; 0 inside it. */
    long gapSeconds(Instant t) {
        if (t.isBefore(first)) {
            return first.getEpochSecond() - t.getEpochSecond();
        }
        if (t.isAfter(last)) {
            return t.getEpochSecond() - last.getEpochSecond();
        }
        return 0;
    }
}
