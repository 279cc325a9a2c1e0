package tyndau.responsiveness;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The method of docs/responsiveness.md on daily series, with no I/O: public surges (robust z-score of the public share
 * against a trailing median / MAD), their first government response, government-led episodes
 * (trial balloons and stand-alone announcements), the metrics and the verdict.
 */
public final class Method {

    /** The constants, from {@link ResponsivenessConfig} with per-request overrides. */
    public record Params(int baselineDays, double threshold, int minDocs, double minScale, int responseDays,
                         int quietDays, int balloonDays, int maxGrangerLag, int maxCcfLag, double leadShare,
                         double responsiveRate, int evidenceDocs) {
    }

    /** A government document on the topic. */
    public record GovDoc(Instant at, long id) {
    }

    /**
     * Daily series from {@code start}; analysis covers days {@code first} .. {@code days-1} (the
     * days before are the first baseline). {@code firstPublic[i]} is the earliest public document
     * on the topic that day (null when none).
     */
    public record Input(LocalDate start, int first, ZoneId zone, int[] publicCount, int[] publicAll, int[] govCount,
                        double[] publicToneSum, int[] publicToneN, Instant[] firstPublic, List<GovDoc> gov, Instant end) {

        double share(int i) {
            return publicAll[i] == 0 ? 0 : (double) publicCount[i] / publicAll[i];
        }

        int days() {
            return publicCount.length;
        }

        Instant dayStart(int i) {
            return start.plusDays(i).atStartOfDay(zone).toInstant();
        }

        int dayOf(Instant t) {
            return (int) (t.atZone(zone).toLocalDate().toEpochDay() - start.toEpochDay());
        }
    }

    /** An episode before document details are filled in. */
    public record Found(String ledBy, String kind, int onset, int peak, int end, int publicCount, double peakScore,
                        Double publicTone, Instant firstPublicAt, GovDoc response, Double lagHours, Double censoredAtHours,
                        GovDoc announcement) {
    }

    /** Episodes, metrics, verdict. */
    public record Result(List<Found> episodes, Metrics metrics, String verdict) {
    }

    public record Metrics(int episodes, int publicLed, int governmentLed, int trialBalloons, int answered,
                          Double responseRate, Double medianLagHours, Double medianLagHoursAnswered,
                          LeadLag.Ccf ccf, LeadLag.Granger publicToGovernment, LeadLag.Granger governmentToPublic) {
    }

    private Method() {
    }

    /** Robust z-score of day {@code i}'s public share against the previous {@code baselineDays} days. */
    static double zScore(Input in, int i, Params p) {
        int from = Math.max(0, i - p.baselineDays());
        if (i - from < 7) {
            return Double.NaN;
        }
        double[] base = new double[i - from];
        for (int d = from; d < i; d++) {
            base[d - from] = in.share(d);
        }
        double median = median(base);
        double[] dev = new double[base.length];
        for (int d = 0; d < base.length; d++) {
            dev[d] = Math.abs(base[d] - median);
        }
        double scale = Math.max(1.4826 * median(dev), p.minScale());
        return (in.share(i) - median) / scale;
    }

    static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2.0;
    }

    public static Result run(Input in, Params p) {
        // 1. Public surges: flagged days, adjacent days merged.
        List<int[]> runs = new ArrayList<>();
        double[] z = new double[in.days()];
        for (int i = in.first(); i < in.days(); i++) {
            z[i] = zScore(in, i, p);
            boolean flagged = !Double.isNaN(z[i]) && z[i] >= p.threshold() && in.publicCount()[i] >= p.minDocs();
            if (flagged) {
                if (!runs.isEmpty() && runs.get(runs.size() - 1)[1] == i - 1) {
                    runs.get(runs.size() - 1)[1] = i;
                } else {
                    runs.add(new int[] {i, i});
                }
            }
        }
        // Government documents by time (a stable sort: equal times keep their order), searched by bisection below.
        List<GovDoc> govDocs = in.gov().stream().sorted(Comparator.comparing(GovDoc::at)).toList();
        List<Found> surges = new ArrayList<>();
        for (int[] r : runs) {
            int peak = r[0];
            int count = 0;
            double toneSum = 0;
            int toneN = 0;
            for (int d = r[0]; d <= r[1]; d++) {
                if (z[d] > z[peak]) {
                    peak = d;
                }
                count += in.publicCount()[d];
                toneSum += in.publicToneSum()[d];
                toneN += in.publicToneN()[d];
            }
            Instant firstAt = in.firstPublic()[r[0]] == null ? in.dayStart(r[0]) : in.firstPublic()[r[0]];
            Instant windowEnd = in.dayStart(r[0]).plus(Duration.ofDays(p.responseDays()));
            int next = firstAfter(govDocs, firstAt);
            GovDoc response = next < govDocs.size() && govDocs.get(next).at().isBefore(windowEnd) ? govDocs.get(next) : null;
            Double lag = response == null ? null : hours(firstAt, response.at());
            Double censored = response != null ? null
                    : hours(firstAt, windowEnd.isBefore(in.end()) ? windowEnd : in.end());
            surges.add(new Found("public", "public-surge", r[0], peak, r[1], count, z[peak],
                    toneN == 0 ? null : toneSum / toneN, firstAt, response, lag, censored, null));
        }

        // 2. Government-led: a government document with no public surge under way in the quiet days before it.
        List<Found> govLed = new ArrayList<>();
        List<Found> folded = new ArrayList<>();
        for (Led led : governmentLed(govDocs, surges, in, p)) {
            GovDoc g = led.announcement();
            Found reaction = led.reaction();
            if (reaction != null) {
                folded.add(reaction);
                govLed.add(new Found("government", "trial-balloon", led.day(), reaction.peak(), reaction.end(),
                        reaction.publicCount(), reaction.peakScore(), reaction.publicTone(), reaction.firstPublicAt(),
                        null, null, null, g));
            } else {
                govLed.add(new Found("government", "stand-alone", led.day(), led.day(), led.day(), 0, 0.0, null, null, null, null, null, g));
            }
        }
        List<Found> publicLed = surges.stream().filter(s -> !folded.contains(s)).toList();
        List<Found> all = new ArrayList<>(publicLed);
        all.addAll(govLed);
        all.sort(Comparator.comparingInt(Found::onset).thenComparing(Found::ledBy));

        // 3. Metrics.
        int answered = (int) publicLed.stream().filter(f -> f.response() != null).count();
        Double rate = publicLed.isEmpty() ? null : (double) answered / publicLed.size();
        Double km = kaplanMeierMedian(publicLed);
        double[] answeredLags = publicLed.stream().filter(f -> f.lagHours() != null).mapToDouble(Found::lagHours).toArray();
        int n = in.days() - in.first();
        double[] pub = new double[n];
        double[] gov = new double[n];
        for (int i = 0; i < n; i++) {
            pub[i] = in.publicCount()[in.first() + i];
            gov[i] = in.govCount()[in.first() + i];
        }
        int trial = (int) govLed.stream().filter(f -> f.kind().equals("trial-balloon")).count();
        Metrics m = new Metrics(all.size(), publicLed.size(), govLed.size(), trial, answered, rate, km,
                answeredLags.length == 0 ? null : median(answeredLags),
                LeadLag.ccf(pub, gov, p.maxCcfLag()),
                LeadLag.grangerByAic(pub, gov, p.maxGrangerLag()),
                LeadLag.grangerByAic(gov, pub, p.maxGrangerLag()));
        return new Result(all, m, verdict(publicLed.size(), govLed.size(), rate, p));
    }

    /** A government-led episode: its announcement, the day of it, and the public surge it preceded (null: none). */
    record Led(GovDoc announcement, int day, Found reaction) {
    }

    /**
     * The government documents that lead (step 2): in the analysed range, at least {@code balloonDays} after the last
     * one that led, with no public surge begun before it and still under way {@code quietDays} before its day; each
     * with the first surge begun after it within {@code balloonDays}. {@code gov} sorted by time, {@code surges} in
     * order of onset.
     */
    static List<Led> governmentLed(List<GovDoc> gov, List<Found> surges, Input in, Params p) {
        List<Led> out = new ArrayList<>();
        Instant analysisStart = in.dayStart(in.first());
        Instant lastLed = null;
        // Surges begin in order (one run after another), so those begun before a moment are a prefix of the list:
        // the latest end among each prefix answers "a public surge under way in the quiet days before".
        int[] latestEnd = new int[surges.size()];
        for (int i = 0; i < surges.size(); i++) {
            latestEnd[i] = Math.max(i == 0 ? Integer.MIN_VALUE : latestEnd[i - 1], surges.get(i).end());
        }
        for (GovDoc g : gov) {
            if (g.at().isBefore(analysisStart) || !g.at().isBefore(in.end())) {
                continue;
            }
            if (lastLed != null && g.at().isBefore(lastLed.plus(Duration.ofDays(p.balloonDays())))) {
                continue;
            }
            int day = in.dayOf(g.at());
            int begunBefore = surgesBegunBefore(surges, g.at());
            if (begunBefore > 0 && latestEnd[begunBefore - 1] >= day - p.quietDays()) {
                continue;
            }
            int after = begunBefore;
            while (after < surges.size() && !surges.get(after).firstPublicAt().isAfter(g.at())) {
                after++; // a surge whose first document has the very same time is neither before nor after
            }
            lastLed = g.at();
            out.add(new Led(g, day, after < surges.size() && surges.get(after).onset() <= day + p.balloonDays() ? surges.get(after) : null));
        }
        return out;
    }

    /** Index of the first government document strictly after {@code t} in a list sorted by time ({@code size} when none). */
    static int firstAfter(List<GovDoc> gov, Instant t) {
        int lo = 0;
        int hi = gov.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (gov.get(mid).at().isAfter(t)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /** How many surges (in order of onset) have their first public document strictly before {@code t}. */
    private static int surgesBegunBefore(List<Found> surges, Instant t) {
        int lo = 0;
        int hi = surges.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (surges.get(mid).firstPublicAt().isBefore(t)) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The verdict (docs/responsiveness.md, step 6): no episode at all is insufficient data; when the
     * public leads at least {@code leadShare} of the episodes, the response rate decides between
     * responsive and unresponsive; when the government leads that share, top-down; otherwise mixed.
     */
    static String verdict(int publicLed, int governmentLed, Double rate, Params p) {
        int total = publicLed + governmentLed;
        if (total == 0) {
            return "insufficient-data";
        }
        double publicShare = (double) publicLed / total;
        if (publicShare >= p.leadShare()) {
            return rate != null && rate >= p.responsiveRate() ? "responsive" : "unresponsive";
        }
        if (1 - publicShare >= p.leadShare()) {
            return "top-down";
        }
        return "mixed";
    }

    /**
     * Kaplan–Meier median of the response lag: unanswered episodes are censored at the end of their
     * response window (or of the data, if earlier), never dropped and never given a made-up lag. Null
     * when fewer than half are answered within the follow-up ("not reached").
     */
    static Double kaplanMeierMedian(List<Found> episodes) {
        record Obs(double t, boolean event) {
        }
        List<Obs> obs = new ArrayList<>();
        for (Found f : episodes) {
            if (f.lagHours() != null) {
                obs.add(new Obs(f.lagHours(), true));
            } else if (f.censoredAtHours() != null) {
                obs.add(new Obs(f.censoredAtHours(), false));
            }
        }
        obs.sort(Comparator.comparingDouble(Obs::t).thenComparing(o -> !o.event()));
        double survival = 1.0;
        int atRisk = obs.size();
        int i = 0;
        while (i < obs.size()) {
            double t = obs.get(i).t();
            int events = 0;
            int leaving = 0;
            while (i < obs.size() && obs.get(i).t() == t) {
                events += obs.get(i).event() ? 1 : 0;
                leaving++;
                i++;
            }
            if (events > 0) {
                survival *= 1.0 - (double) events / atRisk;
                if (survival <= 0.5 + 1e-12) {
                    return t;
                }
            }
            atRisk -= leaving;
        }
        return null;
    }

    static double hours(Instant a, Instant b) {
        return Math.round(Duration.between(a, b).toSeconds() / 36.0) / 100.0;
    }
}
