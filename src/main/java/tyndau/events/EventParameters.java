package tyndau.events;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Everything that decides which event a report joins. {@link #version()} names one setting (with the
 * lexicon's text): when it changes, stored assignments were made under other rules and events must be
 * rebuilt. The five switches exist for the ablation in {@code EventEvaluationTest}; the service runs with
 * all on.
 *
 * @param windowDays a report may join an event whose reports span [first − window, last + window]
 * @param latenessDays how much longer an event is kept for reports that arrive out of order
 * @param threshold the least score to join an event; below it a report starts one
 * @param mergeThreshold a report scoring at least this against two events bridges them: they merge
 * @param nameKeyLength letters of a name key ({@link Names#KEY_LENGTH})
 * @param nameWeight weight of a name (times its IDF) in the similarity
 * @param conceptWeight weight of a concept (times its IDF)
 * @param numberMatch added for each unit whose figures agree
 * @param numberConflict taken off for each unit whose figures all differ (tonnes, money, people; not percentages,
 *     which are context more than signature — a share of exports, a growth rate —, days, distances or bare numbers), unless the event's own reports already disagree on that unit (a
 *     death toll that rises from report to report identifies nothing)
 * @param figureTolerance figures this close (a share of the larger) are one figure, rounded ("over a million", "1.2 million")
 * @param partyConflict taken off when the report's people (lexicon people and surnames), or its people and
 *     places together, are none of the event's, while the event has its own in most of its reports (leaving out
 *     those in more than {@code EventAssigner.COMMON_SHARE} of all reports, like the president and the country
 *     itself): two visits by different officials, visa-free travel with two different countries
 * @param dateMatch added when the report names a day the event's reports name
 * @param dateConflict taken off when the report and the event both name days, and the report's are all two days
 *     or more from the event's (a picket "on Monday", another "on Thursday")
 * @param newDayConflict taken off as well when, besides, the report names its own day (today, yesterday): a happening
 *     of today that is two days or more from every day the event names is the same kind of happening again (the second
 *     picket), not a follow-up of it
 * @param timePerDay taken off for each day between the report and the nearest report of the event
 * @param minSharedKeys the fewest names and concepts a report must share with an event to join it (one country in
 *     common is not a happening in common)
 * @param backgroundWeight the weight of a key the report names only after its lead (its title and first two sentences,
 *     where a news report says what happened), against 1 in the lead: background (earlier happenings, context) counts less
 * @param roleBonus added when a public report joins an event a government release opened the day before or
 *     the same day (the release and the reports about it)
 * @param sameSourcePenalty taken off when the event already has a report of this source in this language
 *     within 12 hours (an outlet rarely reports one happening twice in a morning)
 */
public record EventParameters(double windowDays, double latenessDays, double threshold, double mergeThreshold,
        int nameKeyLength, double nameWeight, double conceptWeight, double numberMatch, double numberConflict,
        double figureTolerance, double partyConflict, double dateMatch, double dateConflict, double newDayConflict, double timePerDay,
        int minSharedKeys, double backgroundWeight, double roleBonus, double sameSourcePenalty,
        boolean entities, boolean lexicon, boolean numbers, boolean time, boolean roles) {

    /** The parameters the service runs with, chosen on {@code src/test/resources/events/dev.jsonl} (docs/events.md says how). */
    public static EventParameters defaults() {
        return new EventParameters(3.5, 2.0, 0.30, 0.55, Names.KEY_LENGTH, 1.0, 0.8, 0.10, 0.70, 0.25, 0.30, 0.05, 0.15, 0.60, 0.04, 2,
                0.5, 0.05, 0.10, true, true, true, true, true);
    }

    /** These parameters without name keys (concepts, numbers, time and roles still count). */
    public EventParameters withoutEntities() {
        return switches(false, lexicon, numbers, time, roles);
    }

    /** Without transliteration and the lexicon: names keyed in their own script, no concepts. */
    public EventParameters withoutLexicon() {
        return switches(entities, false, numbers, time, roles);
    }

    /** Without numbers and days named. */
    public EventParameters withoutNumbers() {
        return switches(entities, lexicon, false, time, roles);
    }

    /** Without time: no window (any open event is a candidate), no penalty for distance. */
    public EventParameters withoutTime() {
        return switches(entities, lexicon, numbers, false, roles);
    }

    /** Without source roles (sides and sources). */
    public EventParameters withoutRoles() {
        return switches(entities, lexicon, numbers, time, false);
    }

    /** These parameters with another join threshold (tuning). */
    public EventParameters withThreshold(double join, double merge) {
        return new EventParameters(windowDays, latenessDays, join, merge, nameKeyLength, nameWeight, conceptWeight, numberMatch,
                numberConflict, figureTolerance, partyConflict, dateMatch, dateConflict, newDayConflict, timePerDay, minSharedKeys, backgroundWeight, roleBonus,
                sameSourcePenalty, entities, lexicon, numbers, time, roles);
    }

    /** These parameters with other weights of concepts, figures and distance (the tuning grid). */
    public EventParameters withWeights(double concept, double figureConflict, double perDay) {
        return new EventParameters(windowDays, latenessDays, threshold, mergeThreshold, nameKeyLength, nameWeight, concept, numberMatch,
                figureConflict, figureTolerance, partyConflict, dateMatch, dateConflict, newDayConflict, perDay, minSharedKeys, backgroundWeight, roleBonus,
                sameSourcePenalty, entities, lexicon, numbers, time, roles);
    }

    private EventParameters switches(boolean entities, boolean lexicon, boolean numbers, boolean time, boolean roles) {
        return new EventParameters(windowDays, latenessDays, threshold, mergeThreshold, nameKeyLength, nameWeight, conceptWeight,
                numberMatch, numberConflict, figureTolerance, partyConflict, dateMatch, dateConflict, newDayConflict, timePerDay, minSharedKeys,
                backgroundWeight, roleBonus, sameSourcePenalty, entities, lexicon, numbers, time, roles);
    }

    /**
     * A short name of this setting and the lexicon's text, e.g. {@code events-3f2a9c01d4e7}: equal versions
     * assign alike, so a stored assignment with another version is out of date.
     */
    public String version() {
        String canonical = String.format(Locale.ROOT,
                "window=%s;lateness=%s;threshold=%s;merge=%s;key=%d;name=%s;concept=%s;numMatch=%s;numConflict=%s;tolerance=%s;party=%s;"
                        + "date=%s;dateConflict=%s;newDay=%s;timePerDay=%s;minShared=%d;background=%s;role=%s;sameSource=%s;entities=%b;lexicon=%b;numbers=%b;"
                        + "time=%b;roles=%b;lexicon=%s",
                windowDays, latenessDays, threshold, mergeThreshold, nameKeyLength, nameWeight, conceptWeight, numberMatch,
                numberConflict, figureTolerance, partyConflict, dateMatch, dateConflict, newDayConflict, timePerDay, minSharedKeys, backgroundWeight, roleBonus,
                sameSourcePenalty, entities, lexicon, numbers, time, roles,
                Lexicon.standard().version());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return "events-" + HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
