package tyndau.events;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The days a report names, read against its publication day: "6 марта", "10 қарашадан", "15-наурызда",
 * "March 6", "September 21"; "вчера", "кеше", "yesterday", "сегодня", "бүгін", "today"; and a weekday ("on
 * Monday", "в понедельник", "дүйсенбі күні"), taken as the latest such day on or before publication, which is
 * how news uses it. A day and month without a year fall in the year that puts them nearest to publication.
 */
final class Dates {
    /** Month names, folded, as prefixes; the short or ambiguous ones (may, мая, казан) only next to a day. */
    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("january", 1), Map.entry("february", 2), Map.entry("march", 3), Map.entry("april", 4),
            Map.entry("may", 5), Map.entry("june", 6), Map.entry("july", 7), Map.entry("august", 8),
            Map.entry("september", 9), Map.entry("october", 10), Map.entry("november", 11), Map.entry("december", 12),
            Map.entry("январ", 1), Map.entry("феврал", 2), Map.entry("март", 3), Map.entry("апрел", 4),
            Map.entry("мая", 5), Map.entry("май", 5), Map.entry("июн", 6), Map.entry("июл", 7), Map.entry("август", 8),
            Map.entry("сентябр", 9), Map.entry("октябр", 10), Map.entry("ноябр", 11), Map.entry("декабр", 12),
            Map.entry("кантар", 1), Map.entry("акпан", 2), Map.entry("наурыз", 3), Map.entry("сауир", 4),
            Map.entry("мамыр", 5), Map.entry("маусым", 6), Map.entry("шилде", 7), Map.entry("тамыз", 8),
            Map.entry("кыркуйек", 9), Map.entry("казан", 10), Map.entry("караша", 11), Map.entry("желтоксан", 12));

    private static final Map<String, Integer> DAYS_BACK = Map.of(
            "yesterday", 1, "вчера", 1, "вчерашн", 1, "кеше", 1, "кешеги", 1, "today", 0, "сегодня", 0, "бугин", 0);

    private static final Map<String, DayOfWeek> WEEKDAYS = Map.ofEntries(
            Map.entry("monday", DayOfWeek.MONDAY), Map.entry("tuesday", DayOfWeek.TUESDAY),
            Map.entry("wednesday", DayOfWeek.WEDNESDAY), Map.entry("thursday", DayOfWeek.THURSDAY),
            Map.entry("friday", DayOfWeek.FRIDAY), Map.entry("saturday", DayOfWeek.SATURDAY), Map.entry("sunday", DayOfWeek.SUNDAY),
            Map.entry("понедельник", DayOfWeek.MONDAY), Map.entry("вторник", DayOfWeek.TUESDAY), Map.entry("среду", DayOfWeek.WEDNESDAY),
            Map.entry("четверг", DayOfWeek.THURSDAY), Map.entry("пятниц", DayOfWeek.FRIDAY), Map.entry("суббот", DayOfWeek.SATURDAY),
            Map.entry("воскресень", DayOfWeek.SUNDAY),
            Map.entry("дуйсенби", DayOfWeek.MONDAY), Map.entry("сейсенби", DayOfWeek.TUESDAY), Map.entry("сарсенби", DayOfWeek.WEDNESDAY),
            Map.entry("бейсенби", DayOfWeek.THURSDAY), Map.entry("жума", DayOfWeek.FRIDAY), Map.entry("сенби", DayOfWeek.SATURDAY),
            Map.entry("жексенби", DayOfWeek.SUNDAY));

    private Dates() {
    }

    /** The days named in the tokens; the tokens of a day-and-month are marked in {@code used}. */
    static Set<LocalDate> of(List<Tokens.Token> tokens, LocalDate published, boolean[] used) {
        Set<LocalDate> out = new LinkedHashSet<>();
        for (int i = 0; i < tokens.size(); i++) {
            Tokens.Token t = tokens.get(i);
            if (t.number() && t.text().length() <= 2 && i + 1 < tokens.size()) {
                Integer month = month(tokens.get(i + 1).folded());
                if (month != null) {
                    date(Integer.parseInt(t.text()), month, published).ifPresent(out::add);
                    used[i] = true;
                    used[i + 1] = true;
                    continue;
                }
            }
            if (t.word() && i + 1 < tokens.size() && tokens.get(i + 1).number() && tokens.get(i + 1).text().length() <= 2) {
                Integer month = month(t.folded());
                if (month != null && t.capitalised() && t.text().charAt(0) < 0x0250) { // English: March 6, May 17
                    date(Integer.parseInt(tokens.get(i + 1).text()), month, published).ifPresent(out::add);
                    used[i] = true;
                    used[i + 1] = true;
                    continue;
                }
            }
            if (t.word()) {
                for (Map.Entry<String, Integer> e : DAYS_BACK.entrySet()) {
                    if (t.folded().startsWith(e.getKey())) {
                        out.add(published.minusDays(e.getValue()));
                    }
                }
                for (Map.Entry<String, DayOfWeek> e : WEEKDAYS.entrySet()) {
                    if (t.folded().startsWith(e.getKey()) && (!e.getKey().equals("жума") || t.folded().length() <= 5)) {
                        LocalDate d = published;
                        while (d.getDayOfWeek() != e.getValue()) {
                            d = d.minusDays(1);
                        }
                        out.add(d);
                    }
                }
            }
        }
        return out;
    }

    private static Integer month(String folded) {
        Integer best = null;
        int length = 0;
        for (Map.Entry<String, Integer> e : MONTHS.entrySet()) {
            boolean hit = e.getKey().length() <= 3 ? folded.equals(e.getKey()) : folded.startsWith(e.getKey());
            if (hit && e.getKey().length() > length) {
                best = e.getValue();
                length = e.getKey().length();
            }
        }
        return best;
    }

    private static java.util.Optional<LocalDate> date(int day, int month, LocalDate published) {
        try {
            LocalDate d = MonthDay.of(month, day).atYear(published.getYear());
            if (d.isAfter(published.plusDays(183))) {
                d = d.minusYears(1);
            } else if (d.isBefore(published.minusDays(183))) {
                d = d.plusYears(1);
            }
            return java.util.Optional.of(d);
        } catch (DateTimeException e) {
            return java.util.Optional.empty();
        }
    }
}
