package tyndau.ingest.scrape;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Absolute dates written for people, in English, Russian and Kazakh: "10 апреля 2024 15:57",
 * "12 наурыз 2023", "2023 жылғы 12 наурыз", "12.03.2023", "March 12, 2023", "12 March 2023",
 * "2023-03-12". A date without a year is taken in the current year, or the last one when that would
 * put it in the future. Slashed dates are read only when unambiguous ("25/12/2023", not "03/04/2023").
 */
final class TextDates {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final String WORD = "([\\p{L}ə]+\\.?)";
    private static final String YEAR = "(\\d{4})(?!\\d)";
    private static final Pattern YEAR_MONTH_DAY = Pattern.compile("(?<!\\d)" + YEAR + "[-./](\\d{1,2})[-./](\\d{1,2})(?!\\d)");
    private static final Pattern DAY_MONTH_YEAR_DIGITS =
            Pattern.compile("(?<![\\d.])(\\d{1,2})[.-](\\d{1,2})[.-](\\d{4}|\\d{2})(?![\\d])");
    private static final Pattern SLASHED = Pattern.compile("(?<![\\d/])(\\d{1,2})/(\\d{1,2})/(\\d{4})(?![\\d/])");
    private static final Pattern DAY_MONTH = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d{1,2})(?:st|nd|rd|th|-?го|-?е)?\\s+(?:of\\s+)?" + WORD + "(?:,?\\s*" + YEAR + ")?", FLAGS);
    private static final Pattern MONTH_DAY = Pattern.compile(
            "(?<![\\p{L}])" + WORD + "\\s+(\\d{1,2})(?:st|nd|rd|th)?(?![\\d:])(?:,?\\s*" + YEAR + ")?", FLAGS);
    /** Kazakh order: "2023 жылғы 12 наурыз", "2023 ж. 12 наурызда", "2023 жылы наурыздың 12". */
    private static final Pattern KAZAKH_YEAR_FIRST = Pattern.compile(
            "(?<!\\d)" + YEAR + "\\s*(?:жылғы|жылы|жыл|ж\\.?)\\s*(?:(\\d{1,2})\\s+" + WORD + "|" + WORD + "\\s+(\\d{1,2}))",
            FLAGS);

    private TextDates() {
    }

    private record Candidate(int start, int end, ZonedDateTime at) {
    }

    /** The earliest date in the text (the longest reading when two start together). */
    static Optional<ZonedDateTime> parse(String text, ZoneId zone, ZonedDateTime now) {
        List<Candidate> found = new ArrayList<>();
        scan(YEAR_MONTH_DAY, text, m -> date(num(m, 1), num(m, 2), num(m, 3)), found, zone, now);
        scan(DAY_MONTH_YEAR_DIGITS, text, m -> date(fullYear(m.group(3), now), num(m, 2), num(m, 1)), found, zone, now);
        scan(SLASHED, text, TextDates::slashed, found, zone, now);
        scan(DAY_MONTH, text, m -> named(m.group(3), m.group(2), num(m, 1), now), found, zone, now);
        scan(MONTH_DAY, text, m -> named(m.group(3), m.group(1), num(m, 2), now), found, zone, now);
        scan(KAZAKH_YEAR_FIRST, text, m -> m.group(2) != null
                ? named(m.group(1), m.group(3), num(m, 2), now)
                : named(m.group(1), m.group(4), num(m, 5), now), found, zone, now);
        return found.stream()
                .min(Comparator.comparingInt(Candidate::start).thenComparing(c -> -c.end()))
                .map(Candidate::at);
    }

    private interface Reading {
        Optional<LocalDate> read(Matcher m);
    }

    private static void scan(Pattern p, String text, Reading reading, List<Candidate> out, ZoneId zone,
            ZonedDateTime now) {
        Matcher m = p.matcher(text);
        while (m.find()) {
            Optional<LocalDate> date;
            try {
                date = reading.read(m);
            } catch (DateTimeException | NumberFormatException e) {
                date = Optional.empty();
            }
            if (date.isPresent()) {
                LocalDate day = date.get();
                ZonedDateTime at = ClockTime.near(text, m.start(), m.end())
                        .map(t -> t.offset() == null
                                ? day.atTime(t.time()).atZone(zone)
                                : day.atTime(t.time()).atOffset(t.offset()).atZoneSameInstant(zone))
                        .orElseGet(() -> day.atTime(LocalTime.MIDNIGHT).atZone(zone));
                out.add(new Candidate(m.start(), m.end(), at));
                return;
            }
        }
    }

    private static Optional<LocalDate> date(int year, int month, int day) {
        return Optional.of(LocalDate.of(year, month, day));
    }

    private static Optional<LocalDate> named(String year, String monthWord, int day, ZonedDateTime now) {
        OptionalInt month = MonthNames.of(monthWord);
        if (month.isEmpty()) {
            return Optional.empty();
        }
        if (year != null) {
            return date(Integer.parseInt(year), month.getAsInt(), day);
        }
        LocalDate thisYear = LocalDate.of(now.getYear(), month.getAsInt(), day);
        return Optional.of(thisYear.isAfter(now.toLocalDate().plusDays(DateExtractor.MAX_DAYS_AHEAD))
                ? thisYear.minusYears(1) : thisYear);
    }

    private static Optional<LocalDate> slashed(Matcher m) {
        int a = num(m, 1);
        int b = num(m, 2);
        int year = num(m, 3);
        if (a > 12 && b <= 12) {
            return date(year, b, a);
        }
        if (b > 12 && a <= 12) {
            return date(year, a, b);
        }
        return a == b ? date(year, a, b) : Optional.empty();
    }

    private static int fullYear(String digits, ZonedDateTime now) {
        int y = Integer.parseInt(digits);
        if (digits.length() == 4) {
            return y;
        }
        return y <= now.getYear() % 100 + 1 ? 2000 + y : 1900 + y;
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
