package tyndau.ingest.scrape;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tyndau.ReferenceData;

/**
 * The general extractor on Mozilla Readability's 130 test pages (skipped, naming the folder, without ../shared/data):
 * token F1 of the extracted text against the text of {@code expected.html}, and how often the
 * publication time matches {@code expected-metadata.json}'s publishedTime where it has one.
 */
class ReadabilityEvaluationTest {
    static final String PAGES = "extraction/readability/test/test-pages";
    /** Measured 0.995 with this extractor; the floor leaves a small margin for harmless changes. */
    static final double MEAN_F1_FLOOR = 0.985;
    /** Measured 31 of 33 (93.9 %); a floor, so that a regression in date extraction fails the build. */
    static final double DATE_HIT_FLOOR = 0.90;
    // Readability's own harness reads every page as UTF-8 at this address; qq's meta says gb2312 although
    // the stored file is UTF-8, so the header (which outranks <meta> in encoding sniffing) says UTF-8 too.
    static final String CONTENT_TYPE = "text/html; charset=utf-8";
    static final URI PAGE_URI = URI.create("http://fakehost/test/page.html");
    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");
    static final Pattern PUBLISHED = Pattern.compile("\"publishedTime\"\\s*:\\s*\"([^\"]+)\"");
    static final Pattern TOKEN_SPLIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    record Score(String page, double precision, double recall, double f1) {
    }

    @Test
    void extractsMainContentAndDatesOfReadabilityTestPages() throws IOException {
        Path pages = ReferenceData.require(PAGES);
        List<Score> scores = new ArrayList<>();
        int withDate = 0;
        int hits = 0;
        int extra = 0;
        List<String> misses = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(pages)) {
            for (Path dir : dirs.sorted().toList()) {
                if (!Files.exists(dir.resolve("source.html")) || !Files.exists(dir.resolve("expected.html"))) {
                    continue;
                }
                Article article = ArticleExtractor.extract(Files.readAllBytes(dir.resolve("source.html")), CONTENT_TYPE,
                        PAGE_URI, null, ZoneOffset.UTC, NOW);
                String expected = Jsoup.parse(Files.readString(dir.resolve("expected.html"))).text();
                scores.add(score(dir.getFileName().toString(), article.text(), expected));

                Path metadata = dir.resolve("expected-metadata.json");
                Matcher m = PUBLISHED.matcher(Files.exists(metadata) ? Files.readString(metadata) : "");
                if (m.find()) {
                    withDate++;
                    if (sameTime(m.group(1), article.published())) {
                        hits++;
                    } else {
                        misses.add(dir.getFileName() + ": expected " + m.group(1) + ", got " + article.published()
                                + " from " + article.dateSource());
                    }
                } else if (article.published() != null) {
                    extra++;
                }
            }
        }
        double mean = scores.stream().mapToDouble(Score::f1).average().orElse(0);
        double[] sorted = scores.stream().mapToDouble(Score::f1).sorted().toArray();
        double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
        System.out.printf(Locale.ROOT, "Readability test pages: %d, token F1 mean %.4f, median %.4f%n", scores.size(), mean, median);
        System.out.println("10 worst (F1, precision, recall):");
        scores.stream().sorted(Comparator.comparingDouble(Score::f1)).limit(10).forEach(s ->
                System.out.printf(Locale.ROOT, "  %.3f  p=%.3f r=%.3f  %s%n", s.f1(), s.precision(), s.recall(), s.page()));
        double hitRate = withDate == 0 ? 0 : (double) hits / withDate;
        System.out.printf(Locale.ROOT, "publication date: %d of %d pages with a publishedTime (%.1f %%); "
                + "a date was also found on %d of the %d pages without one%n",
                hits, withDate, 100 * hitRate, extra, scores.size() - withDate);
        misses.forEach(miss -> System.out.println("  date miss: " + miss));

        assertTrue(scores.size() >= 100, "expected the 130 test pages, found " + scores.size());
        assertTrue(mean >= Math.max(0.90, MEAN_F1_FLOOR), "mean token F1 " + mean);
        assertTrue(hitRate >= DATE_HIT_FLOOR, "date hit rate " + hitRate);
    }

    static Score score(String page, String got, String expected) {
        Map<String, Integer> a = tokens(got);
        Map<String, Integer> b = tokens(expected);
        int overlap = 0;
        for (Map.Entry<String, Integer> e : a.entrySet()) {
            overlap += Math.min(e.getValue(), b.getOrDefault(e.getKey(), 0));
        }
        int na = a.values().stream().mapToInt(Integer::intValue).sum();
        int nb = b.values().stream().mapToInt(Integer::intValue).sum();
        if (na == 0 && nb == 0) {
            return new Score(page, 1, 1, 1);
        }
        double p = na == 0 ? 0 : (double) overlap / na;
        double r = nb == 0 ? 0 : (double) overlap / nb;
        return new Score(page, p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    /** Lower-cased, split on everything but letters and digits, counted as a multiset. */
    static Map<String, Integer> tokens(String text) {
        Map<String, Integer> counts = new HashMap<>();
        for (String t : TOKEN_SPLIT.split(text.toLowerCase(Locale.ROOT))) {
            if (!t.isEmpty()) {
                counts.merge(t, 1, Integer::sum);
            }
        }
        return counts;
    }

    static final DateTimeFormatter LOCAL = new DateTimeFormatterBuilder()
            .appendPattern("yyyy-MM-dd['T'][' ']HH:mm[:ss]")
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true).optionalEnd()
            .toFormatter(Locale.ROOT);

    /**
     * With an offset: the same instant within a minute (we keep no fractions of a second). Without
     * one (Readability copies the page's string): the same wall-clock time in some zone, i.e. within
     * 14 hours of it read as UTC; a bare date: some moment of that day in some zone.
     */
    static boolean sameTime(String expected, Instant got) {
        if (got == null) {
            return false;
        }
        String e = expected.trim().replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2");
        try {
            return Duration.between(OffsetDateTime.parse(e).toInstant(), got).abs().toSeconds() <= 60;
        } catch (DateTimeParseException notOffset) {
            // no offset: try the local forms
        }
        Duration widestZone = Duration.ofHours(14);
        try {
            Instant asUtc = LocalDateTime.parse(e, LOCAL).toInstant(ZoneOffset.UTC);
            return Duration.between(asUtc, got).abs().compareTo(widestZone) <= 0;
        } catch (DateTimeParseException notLocal) {
            Instant day = LocalDate.parse(e).atStartOfDay().toInstant(ZoneOffset.UTC);
            return !got.isBefore(day.minus(widestZone)) && got.isBefore(day.plus(Duration.ofDays(1)).plus(widestZone));
        }
    }
}
