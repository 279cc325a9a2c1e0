package tyndau.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

/**
 * What one report says about its happening, in keys that are the same in Kazakh, Russian and English:
 * the names it mentions ({@code g:}, {@code p:}, {@code o:} lexicon ids, {@code n:} name keys of
 * {@link Names}), the lexicon's concepts ({@code c:}), its numbers with units, and the days it names;
 * with its language, publication time, source and side. {@code parties} are the names among them that say
 * who and where: the lexicon's people ({@code p:}) and places ({@code g:}), and name keys of words shaped like
 * surnames. Made by {@link Fingerprinter}, read by
 * {@link EventAssigner}.
 */
public record EventFingerprint(String id, String lang, Instant published, String source, ReportSide side,
        Set<String> names, Set<String> parties, Set<String> concepts, Set<Quantity> quantities, Set<LocalDate> dates,
        Set<String> lead) {
    public EventFingerprint {
        names = Set.copyOf(names);
        parties = Set.copyOf(parties);
        concepts = Set.copyOf(concepts);
        quantities = Set.copyOf(quantities);
        dates = Set.copyOf(dates);
        lead = lead == null ? null : Set.copyOf(lead);
    }

    /** A report whose every key is in its lead (a short report, or one built by hand). */
    public EventFingerprint(String id, String lang, Instant published, String source, ReportSide side, Set<String> names,
            Set<String> parties, Set<String> concepts, Set<Quantity> quantities, Set<LocalDate> dates) {
        this(id, lang, published, source, side, names, parties, concepts, quantities, dates, null);
    }

    /** Whether a key is in the report's lead: its title or first two sentences, where a news report says what happened. */
    public boolean inLead(String key) {
        return lead == null || lead.contains(key);
    }

    /**
     * The days named that are the report's own: the day it was published or the day before (a day's slack for time
     * zones), as in "today's picket", "yesterday's call". Other days named are what it recalls (the first picket).
     */
    public Set<LocalDate> ownDays() {
        long today = Math.floorDiv(published.getEpochSecond(), 86_400L);
        java.util.Set<LocalDate> own = new java.util.HashSet<>();
        for (LocalDate d : dates) {
            if (Math.abs(today - d.toEpochDay()) <= 1) {
                own.add(d);
            }
        }
        return own;
    }

    /** Names and concepts: the keys events are looked up by. */
    public Set<String> keys() {
        java.util.Set<String> all = new java.util.HashSet<>(names);
        all.addAll(concepts);
        return all;
    }
}
