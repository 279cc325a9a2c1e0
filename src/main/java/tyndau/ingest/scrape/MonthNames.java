package tyndau.ingest.scrape;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Month names in English, Russian and Kazakh, in any grammatical form a date is written with:
 * Russian nominative, genitive or prepositional ("апрель", "апреля", "апреле"), Kazakh with any
 * case or possessive suffix ("наурыз", "наурызда", "наурыздың", "шілдесі"), and common abbreviations.
 */
final class MonthNames {
    private static final Map<String, Integer> EXACT = new HashMap<>();
    /**
     * Russian stems; the word must be the stem plus one of {@link #RUSSIAN_ENDINGS}. May's stem "ма" is
     * too short to match safely: its forms are listed whole.
     */
    private static final List<String> RUSSIAN_STEMS = List.of(
            "январ", "феврал", "март", "апрел", "", "июн", "июл", "август", "сентябр", "октябр", "ноябр", "декабр");
    private static final List<String> RUSSIAN_ENDINGS = List.of("", "ь", "я", "е", "ю", "ём", "ем", "а", "у", "ом");
    /** Kazakh names take suffixes freely, so the word must start with the name. */
    private static final List<String> KAZAKH = List.of(
            "қаңтар", "ақпан", "наурыз", "сәуір", "мамыр", "маусым", "шілде", "тамыз", "қыркүйек", "қазан",
            "қараша", "желтоқсан");
    private static final int KAZAKH_MAX_SUFFIX = 7;

    static {
        String[] english = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
            "october", "november", "december"};
        for (int i = 0; i < 12; i++) {
            EXACT.put(english[i], i + 1);
            EXACT.put(english[i].substring(0, 3), i + 1);
        }
        EXACT.put("sept", 9);
        String[] russianShort = {"янв", "фев", "мар", "апр", "май", "июн", "июл", "авг", "сен", "окт", "ноя", "дек"};
        for (int i = 0; i < 12; i++) {
            EXACT.put(russianShort[i], i + 1);
        }
        EXACT.put("февр", 2);
        EXACT.put("сент", 9);
        EXACT.put("нояб", 11);
        for (String may : List.of("мая", "мае", "маю", "маем")) {
            EXACT.put(may, 5);
        }
    }

    private MonthNames() {
    }

    /** The month number 1–12 the word names, if it names one. */
    static OptionalInt of(String word) {
        String w = normalise(word);
        Integer exact = EXACT.get(w);
        if (exact != null) {
            return OptionalInt.of(exact);
        }
        for (int i = 0; i < 12; i++) {
            String stem = RUSSIAN_STEMS.get(i);
            if (!stem.isEmpty() && w.startsWith(stem) && RUSSIAN_ENDINGS.contains(w.substring(stem.length()))) {
                return OptionalInt.of(i + 1);
            }
        }
        for (int i = 0; i < 12; i++) {
            String name = KAZAKH.get(i);
            if (w.startsWith(name) && w.length() - name.length() <= KAZAKH_MAX_SUFFIX) {
                return OptionalInt.of(i + 1);
            }
        }
        return OptionalInt.empty();
    }

    /**
     * Lower case, no trailing dot, and the Latin look-alikes some Kazakh pages type ("ə", "i") brought
     * back to the Kazakh Cyrillic letters.
     */
    static String normalise(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.endsWith(".")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC)) {
            w = w.replace('ə', 'ә').replace('i', 'і');
        }
        return w;
    }
}
