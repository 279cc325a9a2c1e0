package tyndau.responsiveness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The method on constructed series with known answers. */
class MethodTest {
    static final ZoneId ZONE = ZoneId.of("Asia/Almaty");
    static final LocalDate START = LocalDate.of(2023, 1, 1);
    static final Method.Params P = new Method.Params(28, 3.0, 3, 0.01, 14, 14, 7, 7, 14, 0.67, 0.5, 5);

    /** 120 days: 20 public documents a day, 0–1 of them on the topic at random; analysis from day 28. */
    static final class Series {
        final int days = 120;
        final int[] pub = new int[days];
        final int[] all = new int[days];
        final int[] gov = new int[days];
        final Instant[] firstPublic = new Instant[days];
        final List<Method.GovDoc> govDocs = new ArrayList<>();

        Series(long seed) {
            Random r = new Random(seed);
            for (int i = 0; i < days; i++) {
                all[i] = 20;
                pub[i] = r.nextInt(10) == 0 ? 1 : 0;
                if (pub[i] > 0) {
                    firstPublic[i] = at(i, 12);
                }
            }
        }

        Series surge(int day, int... counts) {
            for (int k = 0; k < counts.length; k++) {
                pub[day + k] = counts[k];
                firstPublic[day + k] = at(day + k, 9);
            }
            return this;
        }

        Series government(Instant at) {
            govDocs.add(new Method.GovDoc(at, govDocs.size() + 1));
            gov[(int) (at.atZone(ZONE).toLocalDate().toEpochDay() - START.toEpochDay())]++;
            return this;
        }

        Method.Result run() {
            return Method.run(new Method.Input(START, 28, ZONE, pub, all, gov, new double[days], new int[days],
                    firstPublic, govDocs, START.plusDays(days).atStartOfDay(ZONE).toInstant()), P);
        }
    }

    static Instant at(int day, int hour) {
        return START.plusDays(day).atTime(hour, 0).atZone(ZONE).toInstant();
    }

    @Test
    void anInjectedSurgeIsFoundOnItsDayAndItsResponseLagIs26Hours() {
        Method.Result r = new Series(1).surge(60, 8, 12, 6).government(at(60, 9).plus(Duration.ofHours(26))).run();
        assertEquals(1, r.episodes().size());
        Method.Found e = r.episodes().get(0);
        assertEquals("public", e.ledBy());
        assertEquals(60, e.onset());
        assertEquals(62, e.end());
        assertEquals(26.0, e.lagHours());
        assertEquals(26.0, r.metrics().medianLagHours());
        assertEquals(1.0, r.metrics().responseRate());
        assertEquals("responsive", r.verdict());
    }

    @Test
    void anUnansweredSurgeLowersTheResponseRateAndIsReportedCensored() {
        Method.Result r = new Series(2).surge(40, 9, 9).surge(80, 10, 7)
                .government(at(40, 9).plus(Duration.ofHours(5))).run();
        assertEquals(2, r.metrics().publicLed());
        assertEquals(0.5, r.metrics().responseRate());
        Method.Found unanswered = r.episodes().get(1);
        assertNull(unanswered.response());
        assertEquals(14 * 24.0 - 9, unanswered.censoredAtHours(), "censored at the end of the 14-day window, counted from 09:00");
        assertEquals(5.0, r.metrics().medianLagHours(), "KM median: half answered at 5 h");
        Method.Result none = new Series(2).surge(40, 9, 9).surge(80, 10, 7).surge(100, 8).run();
        assertEquals(0.0, none.metrics().responseRate());
        assertNull(none.metrics().medianLagHours(), "median not reached when nothing is answered");
        assertEquals("unresponsive", none.verdict());
    }

    @Test
    void aGovernmentFirstPatternIsGovernmentLed() {
        Method.Result r = new Series(3).government(at(50, 15)).surge(51, 6, 9, 5).run();
        assertEquals(1, r.episodes().size());
        Method.Found e = r.episodes().get(0);
        assertEquals("government", e.ledBy());
        assertEquals("trial-balloon", e.kind());
        assertEquals(50, e.onset());
        assertEquals(20, e.publicCount());
        assertEquals("top-down", r.verdict());
        Method.Result alone = new Series(3).government(at(50, 15)).run();
        assertEquals("stand-alone", alone.episodes().get(0).kind());
    }

    @Test
    void whiteNoiseGivesNoEpisodesAndInsufficientData() {
        for (long seed = 10; seed < 20; seed++) {
            Method.Result r = new Series(seed).run();
            assertEquals(0, r.episodes().size(), "seed " + seed);
            assertEquals("insufficient-data", r.verdict());
        }
    }

    @Test
    void mixedWhenNeitherSideLeadsEnough() {
        Method.Result r = new Series(4).surge(40, 9, 9).government(at(40, 20)).government(at(90, 10)).run();
        assertEquals(1, r.metrics().publicLed());
        assertEquals(1, r.metrics().governmentLed());
        assertEquals("mixed", r.verdict());
    }

    @Test
    void robustZScoreUsesMedianAndScaledMad() {
        Series s = new Series(5);
        for (int i = 0; i < 40; i++) {
            s.pub[i] = i % 2 == 0 ? 2 : 4;
        }
        s.pub[40] = 10;
        Method.Input in = new Method.Input(START, 28, ZONE, s.pub, s.all, s.gov, new double[120], new int[120],
                s.firstPublic, List.of(), at(120, 0));
        // baseline shares 0.1 / 0.2, median 0.15, MAD 0.05, scale 1.4826 * 0.05; day share 0.5
        assertEquals((0.5 - 0.15) / (1.4826 * 0.05), Method.zScore(in, 40, P), 1e-9);
    }
}
