package tyndau.ingest.scrape;

import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time of day written near a date ("15:57", "3:15 PM", "10:01 (UTC+6)"): the nearest one after
 * the date within a few words, else the nearest one just before it ("15:57, 10 апреля 2024").
 */
record ClockTime(LocalTime time, ZoneOffset offset) {
    private static final Pattern TIME = Pattern.compile(
            "(?<![\\d:])(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d:])"
                    + "(?:\\s*([ap])\\.?\\s?m\\b\\.?)?"
                    + "(?:\\s*\\(?\\s*(?:(utc|gmt)\\s*([+-]\\d{1,2}(?::?\\d{2})?)?|(msk|мск|est|edt|cst|cdt|pst|pdt|cet|cest|bst))\\b\\)?)?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Zone abbreviations news pages print after a time; their offsets as the pages mean them. */
    private static final Map<String, ZoneOffset> NAMED_ZONES = Map.ofEntries(
            Map.entry("msk", ZoneOffset.ofHours(3)), Map.entry("мск", ZoneOffset.ofHours(3)),
            Map.entry("est", ZoneOffset.ofHours(-5)), Map.entry("edt", ZoneOffset.ofHours(-4)),
            Map.entry("cst", ZoneOffset.ofHours(-6)), Map.entry("cdt", ZoneOffset.ofHours(-5)),
            Map.entry("pst", ZoneOffset.ofHours(-8)), Map.entry("pdt", ZoneOffset.ofHours(-7)),
            Map.entry("cet", ZoneOffset.ofHours(1)), Map.entry("cest", ZoneOffset.ofHours(2)),
            Map.entry("bst", ZoneOffset.ofHours(1)));
    private static final int AFTER = 30;
    private static final int BEFORE = 20;

    /** The time near {@code text[start, end)}, the span holding the date. */
    static Optional<ClockTime> near(String text, int start, int end) {
        Matcher after = TIME.matcher(text);
        after.region(end, Math.min(text.length(), end + AFTER));
        if (after.find()) {
            Optional<ClockTime> t = of(after);
            if (t.isPresent()) {
                return t;
            }
        }
        Matcher before = TIME.matcher(text);
        before.region(Math.max(0, start - BEFORE), start);
        Optional<ClockTime> last = Optional.empty();
        while (before.find()) {
            Optional<ClockTime> t = of(before);
            if (t.isPresent()) {
                last = t;
            }
        }
        return last;
    }

    /** The first time anywhere in the text. */
    static Optional<ClockTime> first(String text) {
        Matcher m = TIME.matcher(text);
        return m.find() ? of(m) : Optional.empty();
    }

    private static Optional<ClockTime> of(Matcher m) {
        try {
            int hour = Integer.parseInt(m.group(1));
            String meridiem = m.group(4);
            if (meridiem != null) {
                if (hour < 1 || hour > 12) {
                    return Optional.empty();
                }
                boolean pm = meridiem.toLowerCase(Locale.ROOT).equals("p");
                hour = hour % 12 + (pm ? 12 : 0);
            }
            int second = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
            LocalTime time = LocalTime.of(hour, Integer.parseInt(m.group(2)), second);
            ZoneOffset offset = m.group(6) != null ? Timestamps.offset(zeroPadded(m.group(6)))
                    : m.group(5) != null ? ZoneOffset.UTC
                    : m.group(7) != null ? NAMED_ZONES.get(m.group(7).toLowerCase(Locale.ROOT)) : null;
            return Optional.of(new ClockTime(time, offset));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String zeroPadded(String offset) {
        String digits = offset.substring(1).replace(":", "");
        String hours = digits.length() == 1 || digits.length() == 3 ? "0" + digits : digits;
        return offset.charAt(0) + hours;
    }
}
