package tyndau.ingest.feeds;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the dates Rome gives up on: RFC 822 with odd spellings (no or wrong weekday, full month
 * names, two-digit years, missing seconds, zone names, {@code GMT+3}), ISO 8601 with a space, no
 * seconds or an offset without a colon, {@code dd.MM.yyyy}, and month names in Russian and Kazakh
 * as some CMSs localise {@code pubDate}. A date with no zone is read as UTC and says so.
 */
final class FeedDates {
    record Reading(Instant instant, boolean zoneAssumed) {
    }

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})(?:[T ]+(\\d{1,2}):(\\d{2})(?::(\\d{1,2})(?:[.,](\\d{1,9})\\d*)?)?)?\\s*(Z|[+-]\\d{2}(?::?\\d{2})?|UTC|GMT)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern YMD = Pattern.compile("\\b(\\d{4})[/.](\\d{1,2})[/.](\\d{1,2})\\b");
    private static final Pattern DMY = Pattern.compile("\\b(\\d{1,2})\\.(\\d{1,2})\\.(\\d{4})\\b");
    private static final Pattern TOKEN = Pattern.compile(
            "(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?:[.,]\\d+)?|([+-])(?:(\\d{2}):?(\\d{2})|(\\d{1,2}))(?![\\d:])|\\d+|\\p{L}+");
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("jan", 1), Map.entry("feb", 2), Map.entry("mar", 3), Map.entry("apr", 4), Map.entry("may", 5),
            Map.entry("jun", 6), Map.entry("jul", 7), Map.entry("aug", 8), Map.entry("sep", 9), Map.entry("oct", 10),
            Map.entry("nov", 11), Map.entry("dec", 12),
            Map.entry("янв", 1), Map.entry("фев", 2), Map.entry("мар", 3), Map.entry("апр", 4), Map.entry("мая", 5),
            Map.entry("май", 5), Map.entry("июн", 6), Map.entry("июл", 7), Map.entry("авг", 8), Map.entry("сен", 9),
            Map.entry("окт", 10), Map.entry("ноя", 11), Map.entry("дек", 12),
            Map.entry("қаң", 1), Map.entry("ақп", 2), Map.entry("нау", 3), Map.entry("сәу", 4), Map.entry("сəу", 4),
            Map.entry("мам", 5), Map.entry("мау", 6), Map.entry("шіл", 7), Map.entry("там", 8), Map.entry("қыр", 9),
            Map.entry("қаз", 10), Map.entry("қар", 11), Map.entry("жел", 12));
    // RFC 822 section 5.1 zones, and a few that feeds of the region and agencies write.
    private static final Map<String, Integer> ZONES = Map.ofEntries(
            Map.entry("gmt", 0), Map.entry("ut", 0), Map.entry("utc", 0), Map.entry("z", 0), Map.entry("wet", 0),
            Map.entry("est", -5), Map.entry("edt", -4), Map.entry("cst", -6), Map.entry("cdt", -5),
            Map.entry("mst", -7), Map.entry("mdt", -6), Map.entry("pst", -8), Map.entry("pdt", -7),
            Map.entry("bst", 1), Map.entry("cet", 1), Map.entry("cest", 2), Map.entry("eet", 2), Map.entry("eest", 3),
            Map.entry("msk", 3), Map.entry("trt", 3), Map.entry("gst", 4), Map.entry("aqtt", 5), Map.entry("almt", 5),
            Map.entry("uzt", 5), Map.entry("kgt", 6), Map.entry("hkt", 8), Map.entry("sgt", 8), Map.entry("jst", 9),
            Map.entry("kst", 9), Map.entry("aest", 10));

    private FeedDates() {
    }

    static Optional<Reading> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip().replaceAll("\\s+", " ");
        Matcher iso = ISO.matcher(s);
        if (iso.matches()) {
            return iso(iso);
        }
        return loose(s);
    }

    private static Optional<Reading> iso(Matcher m) {
        try {
            LocalDate date = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            LocalTime time = LocalTime.MIDNIGHT;
            if (m.group(4) != null) {
                int nanos = m.group(7) == null ? 0 : Integer.parseInt((m.group(7) + "00000000").substring(0, 9));
                time = LocalTime.of(Integer.parseInt(m.group(4)), Integer.parseInt(m.group(5)),
                        m.group(6) == null ? 0 : Integer.parseInt(m.group(6)), nanos);
            }
            String zone = m.group(8);
            ZoneOffset offset = zone == null ? ZoneOffset.UTC : offset(zone);
            return Optional.of(new Reading(date.atTime(time).toInstant(offset), zone == null));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static ZoneOffset offset(String zone) {
        String z = zone.toUpperCase(Locale.ROOT);
        if (z.equals("Z") || z.equals("UTC") || z.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = z.replace(":", "");
        int hours = Integer.parseInt(digits.substring(1, 3));
        int minutes = digits.length() >= 5 ? Integer.parseInt(digits.substring(3, 5)) : 0;
        int sign = digits.charAt(0) == '-' ? -1 : 1;
        return ZoneOffset.ofHoursMinutes(sign * hours, sign * minutes);
    }

    /** Tokens in any order: a month name, day, year, time, zone name or offset; weekdays and other words are ignored. */
    private static Optional<Reading> loose(String s) {
        Integer year = null;
        Integer month = null;
        Integer day = null;
        Integer yy = null;
        int hour = 0;
        int minute = 0;
        int second = 0;
        boolean timeSeen = false;
        Integer offsetSeconds = null;
        Matcher numeric = YMD.matcher(s);
        Matcher dmy = DMY.matcher(s);
        if (numeric.find()) {
            year = Integer.parseInt(numeric.group(1));
            month = Integer.parseInt(numeric.group(2));
            day = Integer.parseInt(numeric.group(3));
            s = s.substring(0, numeric.start()) + " " + s.substring(numeric.end());
        } else if (dmy.find()) {
            day = Integer.parseInt(dmy.group(1));
            month = Integer.parseInt(dmy.group(2));
            year = Integer.parseInt(dmy.group(3));
            s = s.substring(0, dmy.start()) + " " + s.substring(dmy.end());
        }
        Matcher t = TOKEN.matcher(s);
        while (t.find()) {
            String tok = t.group();
            if (t.group(1) != null) {
                if (!timeSeen) {
                    hour = Integer.parseInt(t.group(1));
                    minute = Integer.parseInt(t.group(2));
                    second = t.group(3) == null ? 0 : Integer.parseInt(t.group(3));
                    timeSeen = true;
                }
            } else if (t.group(4) != null && (timeSeen || offsetSeconds != null)) {
                int sign = t.group(4).equals("-") ? -1 : 1;
                int hours = Integer.parseInt(t.group(5) != null ? t.group(5) : t.group(7));
                int minutes = t.group(6) != null ? Integer.parseInt(t.group(6)) : 0;
                if (hours > 18 || minutes > 59) {
                    return Optional.empty();
                }
                offsetSeconds = sign * (hours * 3600 + minutes * 60);
            } else if (t.group(4) != null) {
                // "01-Jan-2004": a dash before the time separates date parts; it is no offset.
                String digits = tok.substring(1).replace(":", "");
                if (digits.length() == 4 && year == null) {
                    year = Integer.parseInt(digits);
                } else if (digits.length() <= 2 && day == null) {
                    day = Integer.parseInt(digits);
                } else if (digits.length() <= 2 && yy == null) {
                    yy = Integer.parseInt(digits);
                }
            } else if (Character.isDigit(tok.charAt(0))) {
                int v = Integer.parseInt(tok.length() > 9 ? "999999999" : tok);
                if (tok.length() == 4 && year == null) {
                    year = v;
                } else if (tok.length() <= 2 && day == null && v >= 1 && v <= 31) {
                    day = v;
                } else if (tok.length() <= 2 && yy == null) {
                    yy = v;
                }
            } else {
                String w = tok.toLowerCase(Locale.ROOT);
                Integer zone = ZONES.get(w);
                Integer mon = w.length() >= 3 ? MONTHS.get(w.substring(0, 3)) : null;
                if (zone != null && timeSeen) {
                    offsetSeconds = zone * 3600;
                } else if (mon != null && month == null) {
                    month = mon;
                } else if (w.equals("pm") && timeSeen && hour < 12) {
                    hour += 12;
                } else if (w.equals("am") && timeSeen && hour == 12) {
                    hour = 0;
                }
            }
        }
        if (year == null && yy != null) {
            year = yy < 50 ? 2000 + yy : 1900 + yy;
        }
        if (year == null || month == null || day == null) {
            return Optional.empty();
        }
        try {
            Instant at = LocalDate.of(year, month, day).atTime(hour, minute, second)
                    .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds == null ? 0 : offsetSeconds));
            return Optional.of(new Reading(at, offsetSeconds == null));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }
}
