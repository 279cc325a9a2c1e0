package tyndau.ingest.scrape;

import java.time.Duration;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates relative to now, in English, Russian and Kazakh: "Вчера 10:01", "Сегодня, 09:15", "кеше",
 * "бүгін 14:00", "yesterday at 10:01", "2 часа назад", "5 минут назад", "3 сағат бұрын",
 * "2 hours ago", "just now". A day word without a time means the start of that day.
 */
final class RelativeDates {
    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
    private static final Pattern ENGLISH_AGO = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d+|an?|one)\\s+(second|sec|minute|min|hour|hr|day|week)s?\\s+ago(?!\\p{L})", FLAGS);
    private static final Pattern RUSSIAN_AGO = Pattern.compile(
            "(?<![\\p{L}\\d])(?:(\\d+)\\s+)?(секунд\\p{L}*|сек\\.?|минут\\p{L}*|мин\\.?|час\\p{L}*|дн\\p{L}*|день"
                    + "|недел\\p{L}*)\\s+назад(?!\\p{L})", FLAGS);
    private static final Pattern KAZAKH_AGO = Pattern.compile(
            "(?<![\\p{L}\\d])(\\d+)\\s+(секунд|минут|сағат|күн|апта)\\p{L}*\\s+бұрын(?!\\p{L})", FLAGS);
    private static final Pattern JUST_NOW = Pattern.compile(
            "(?<!\\p{L})(just now|только что|жаңа ғана)(?!\\p{L})", FLAGS);
    /** A day word, but not a possessive ("Today's Paper" is a newspaper section, not a date). */
    private static final Pattern DAY_WORD = Pattern.compile(
            "(?<!\\p{L})(today|yesterday|сегодня|вчера|позавчера|бүгін|кеше|алдыңғы күні)(?!\\p{L}|['’]s\\b)", FLAGS);

    private RelativeDates() {
    }

    static Optional<ZonedDateTime> parse(String text, ZonedDateTime now) {
        return ago(text, now).or(() -> dayWord(text, now));
    }

    private static Optional<ZonedDateTime> ago(String text, ZonedDateTime now) {
        if (JUST_NOW.matcher(text).find()) {
            return Optional.of(now);
        }
        for (Pattern p : new Pattern[] {ENGLISH_AGO, RUSSIAN_AGO, KAZAKH_AGO}) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                String count = m.group(1);
                long n = count == null || !Character.isDigit(count.charAt(0)) ? 1 : Long.parseLong(count);
                return Optional.of(now.minus(unit(m.group(2)).multipliedBy(n)));
            }
        }
        return Optional.empty();
    }

    private static Duration unit(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("sec") || w.startsWith("сек")) {
            return Duration.ofSeconds(1);
        }
        if (w.startsWith("min") || w.startsWith("мин")) {
            return Duration.ofMinutes(1);
        }
        if (w.startsWith("h") || w.startsWith("час") || w.startsWith("сағат")) {
            return Duration.ofHours(1);
        }
        if (w.startsWith("w") || w.startsWith("недел") || w.startsWith("апта")) {
            return Duration.ofDays(7);
        }
        return Duration.ofDays(1);
    }

    private static Optional<ZonedDateTime> dayWord(String text, ZonedDateTime now) {
        Matcher m = DAY_WORD.matcher(text);
        if (!m.find()) {
            return Optional.empty();
        }
        int daysBack = switch (m.group(1).toLowerCase(Locale.ROOT)) {
            case "today", "сегодня", "бүгін" -> 0;
            case "позавчера", "алдыңғы күні" -> 2;
            default -> 1;
        };
        ZonedDateTime day = now.toLocalDate().minusDays(daysBack).atStartOfDay(now.getZone());
        LocalTime time = ClockTime.near(text, m.start(), m.end()).map(ClockTime::time).orElse(LocalTime.MIDNIGHT);
        return Optional.of(day.with(time));
    }
}
