package tyndau.ingest.scrape;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Machine-written timestamps as found in metadata: ISO 8601 and its everyday variants (space instead
 * of "T", "+0600", no offset, date only, microseconds), RFC 1123, Java's Date.toString form, and Unix
 * epoch seconds or milliseconds. A time without an offset is local to the source's zone.
 */
final class Timestamps {
    private static final Pattern ISO = Pattern.compile(
            "(\\d{4})-(\\d{1,2})-(\\d{1,2})"
                    + "(?:[T\\s]+(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?)?"
                    + "\\s*(Z|UTC|GMT|[+-]\\d{2}(?::?\\d{2})?)?",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");
    private static final DateTimeFormatter JAVA_DATE =
            DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss zzz yyyy", Locale.ENGLISH);

    private Timestamps() {
    }

    static Optional<Instant> parse(String raw, ZoneId zone) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.trim();
        Matcher iso = ISO.matcher(s);
        if (iso.matches()) {
            return iso(iso, zone);
        }
        if (EPOCH.matcher(s).matches()) {
            long n = Long.parseLong(s);
            return Optional.of(s.length() == 13 ? Instant.ofEpochMilli(n) : Instant.ofEpochSecond(n));
        }
        for (DateTimeFormatter f : new DateTimeFormatter[] {DateTimeFormatter.RFC_1123_DATE_TIME, JAVA_DATE}) {
            try {
                return Optional.of(ZonedDateTime.parse(s, f).toInstant());
            } catch (DateTimeParseException e) {
                // not this form; try the next
            }
        }
        return Optional.empty();
    }

    private static Optional<Instant> iso(Matcher m, ZoneId zone) {
        try {
            LocalDate date = LocalDate.of(num(m, 1), num(m, 2), num(m, 3));
            LocalTime time = m.group(4) == null ? LocalTime.MIDNIGHT
                    : LocalTime.of(num(m, 4), num(m, 5), m.group(6) == null ? 0 : num(m, 6));
            LocalDateTime local = LocalDateTime.of(date, time);
            String offset = m.group(8);
            if (offset == null) {
                return Optional.of(local.atZone(zone).toInstant());
            }
            return Optional.of(local.atOffset(offset(offset)).toInstant());
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    static ZoneOffset offset(String raw) {
        String o = raw.toUpperCase(Locale.ROOT);
        if (o.equals("Z") || o.equals("UTC") || o.equals("GMT")) {
            return ZoneOffset.UTC;
        }
        String digits = o.substring(1).replace(":", "");
        int hours = Integer.parseInt(digits.substring(0, 2));
        int minutes = digits.length() >= 4 ? Integer.parseInt(digits.substring(2, 4)) : 0;
        return o.charAt(0) == '-' ? ZoneOffset.ofHoursMinutes(-hours, -minutes) : ZoneOffset.ofHoursMinutes(hours, minutes);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }
}
