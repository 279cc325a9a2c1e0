package tyndau.responsiveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The method finds a surge's response and the government-led episodes by bisection over documents sorted by time;
 * these check both against the plain reading of the rule (every government document against every surge, as the
 * method was first written) on random surges and government documents, equal times included.
 */
class MethodBisectionTest {
    static final Method.Params P = MethodTest.P;

    /** 120 days from MethodTest.START; analysis from day 28. */
    static Method.Input input(List<Method.GovDoc> gov) {
        int days = 120;
        return new Method.Input(MethodTest.START, 28, MethodTest.ZONE, new int[days], new int[days], new int[days], new double[days],
                new int[days], new Instant[days], gov, MethodTest.START.plusDays(days).atStartOfDay(MethodTest.ZONE).toInstant());
    }

    static List<Method.GovDoc> government(Random r) {
        List<Method.GovDoc> gov = new ArrayList<>();
        for (int k = 0; k < 80; k++) {
            Instant at = MethodTest.at(r.nextInt(120), r.nextInt(24)).plusSeconds(r.nextInt(4) * 900L);
            gov.add(new Method.GovDoc(at, gov.size()));
            if (r.nextInt(5) == 0) {
                gov.add(new Method.GovDoc(at, gov.size())); // the very same time twice
            }
        }
        return gov;
    }

    /** Surges one after another: onset, end, and the first public document on the onset day (sometimes the hour a government document has). */
    static List<Method.Found> surges(Random r, List<Method.GovDoc> gov) {
        List<Method.Found> out = new ArrayList<>();
        for (int day = 20 + r.nextInt(5); day < 116; day += 2 + r.nextInt(9)) {
            int end = day + r.nextInt(3);
            Instant first = r.nextInt(4) == 0 ? gov.get(r.nextInt(gov.size())).at() : MethodTest.at(day, r.nextInt(24));
            LocalDate onsetDay = first.atZone(MethodTest.ZONE).toLocalDate();
            int onset = (int) (onsetDay.toEpochDay() - MethodTest.START.toEpochDay());
            if (!out.isEmpty() && (onset <= out.get(out.size() - 1).end())) {
                continue;
            }
            out.add(new Method.Found("public", "public-surge", onset, onset, Math.max(onset, end), 10, 4.0, null, first,
                    null, null, null, null));
            day = Math.max(day, Math.max(onset, end));
        }
        return out;
    }

    @Test
    void aResponseIsTheFirstGovernmentDocumentAfterTheFirstPublicOneWithinTheWindow() {
        int answered = 0;
        for (long seed = 1; seed <= 200; seed++) {
            Random r = new Random(seed);
            List<Method.GovDoc> gov = government(r);
            List<Method.GovDoc> sorted = gov.stream().sorted(Comparator.comparing(Method.GovDoc::at)).toList();
            Instant firstAt = MethodTest.at(r.nextInt(120), r.nextInt(24));
            if (r.nextBoolean()) {
                firstAt = gov.get(r.nextInt(gov.size())).at();
            }
            Instant from = firstAt;
            Instant windowEnd = from.plus(Duration.ofDays(1 + r.nextInt(14)));
            Method.GovDoc plain = gov.stream().filter(g -> g.at().isAfter(from) && g.at().isBefore(windowEnd))
                    .min(Comparator.comparing(Method.GovDoc::at)).orElse(null);
            int next = Method.firstAfter(sorted, from);
            Method.GovDoc found = next < sorted.size() && sorted.get(next).at().isBefore(windowEnd) ? sorted.get(next) : null;
            assertEquals(plain, found, "seed " + seed);
            answered += plain == null ? 0 : 1;
        }
        assertTrue(answered > 50, answered + " answered of 200");
    }

    @Test
    void governmentLedEpisodesAreThoseThePlainReadingFinds() {
        int led = 0;
        int balloons = 0;
        for (long seed = 1; seed <= 200; seed++) {
            Random r = new Random(seed);
            List<Method.GovDoc> gov = government(r);
            List<Method.Found> surges = surges(r, gov);
            Method.Input in = input(gov);
            List<Method.GovDoc> sorted = gov.stream().sorted(Comparator.comparing(Method.GovDoc::at)).toList();
            List<Method.Led> found = Method.governmentLed(sorted, surges, in, P);
            assertEquals(plain(in, surges), found, "seed " + seed);
            led += found.size();
            balloons += (int) found.stream().filter(l -> l.reaction() != null).count();
        }
        assertTrue(led > 200 && balloons > 50, led + " government-led, " + balloons + " of them before a surge");
    }

    /** Step 2 as first written: every government document in time order against every surge. */
    private static List<Method.Led> plain(Method.Input in, List<Method.Found> surges) {
        List<Method.Led> out = new ArrayList<>();
        Instant analysisStart = in.dayStart(in.first());
        Instant lastLed = null;
        for (Method.GovDoc g : in.gov().stream().sorted(Comparator.comparing(Method.GovDoc::at)).toList()) {
            if (g.at().isBefore(analysisStart) || !g.at().isBefore(in.end())) {
                continue;
            }
            if (lastLed != null && g.at().isBefore(lastLed.plus(Duration.ofDays(P.balloonDays())))) {
                continue;
            }
            int day = in.dayOf(g.at());
            if (surges.stream().anyMatch(s -> s.firstPublicAt().isBefore(g.at()) && s.end() >= day - P.quietDays())) {
                continue;
            }
            Method.Found reaction = surges.stream()
                    .filter(s -> s.firstPublicAt().isAfter(g.at()) && s.onset() <= day + P.balloonDays()).findFirst().orElse(null);
            lastLed = g.at();
            out.add(new Method.Led(g, day, reaction));
        }
        return out;
    }
}
