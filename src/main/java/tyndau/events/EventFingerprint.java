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
        Set<String> names, Set<String> parties, Set<String> concepts, Set<Quantity> quantities, Set<LocalDate> dates) {
    public EventFingerprint {
        names = Set.copyOf(names);
        parties = Set.copyOf(parties);
        concepts = Set.copyOf(concepts);
        quantities = Set.copyOf(quantities);
        dates = Set.copyOf(dates);
    }

    /** Names and concepts: the keys events are looked up by. */
    public Set<String> keys() {
        java.util.Set<String> all = new java.util.HashSet<>(names);
        all.addAll(concepts);
        return all;
    }
}
