package tyndau.events;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The numbers a report gives and their units, in the three languages: digits (with a space or comma between
 * thousands, a comma or point before decimals), a multiplier word (тысяч, мың, million, млрд), a unit word
 * within the next two words (тонн, тонна, tonnes, %, адам, человек, people, доллар, теңге, юань, күн, days).
 * A Kazakh case ending after a hyphen (5000-нан, 500-ге) is read past. Not numbers of a happening, and so
 * left out: years (1900-2100 with no unit), numbers glued to a word (Ил-76, COP27, 77-сессия, 70th) and
 * the days of the dates {@link Dates} reads.
 */
final class Numbers {
    /** Unit words: a folded prefix and the unit it names. */
    private static final Map<String, String> UNITS = Map.ofEntries(
            Map.entry("tonne", Quantity.TONNE), Map.entry("ton", Quantity.TONNE), Map.entry("тонн", Quantity.TONNE),
            Map.entry("%", Quantity.PERCENT), Map.entry("percent", Quantity.PERCENT), Map.entry("процент", Quantity.PERCENT),
            Map.entry("пайыз", Quantity.PERCENT),
            Map.entry("people", Quantity.PERSON), Map.entry("person", Quantity.PERSON), Map.entry("citizen", Quantity.PERSON),
            Map.entry("rescuer", Quantity.PERSON), Map.entry("protester", Quantity.PERSON), Map.entry("russians", Quantity.PERSON),
            Map.entry("человек", Quantity.PERSON), Map.entry("граждан", Quantity.PERSON), Map.entry("спасател", Quantity.PERSON),
            Map.entry("россиян", Quantity.PERSON), Map.entry("казахстанц", Quantity.PERSON), Map.entry("участник", Quantity.PERSON),
            Map.entry("адам", Quantity.PERSON), Map.entry("азамат", Quantity.PERSON), Map.entry("куткарушы", Quantity.PERSON),
            Map.entry("казакстандык", Quantity.PERSON), Map.entry("ресейлик", Quantity.PERSON),
            Map.entry("$", "money:usd"), Map.entry("dollar", "money:usd"), Map.entry("доллар", "money:usd"),
            Map.entry("usd", "money:usd"), Map.entry("tenge", "money:kzt"), Map.entry("тенге", "money:kzt"),
            Map.entry("yuan", "money:cny"), Map.entry("юан", "money:cny"), Map.entry("rouble", "money:rub"),
            Map.entry("ruble", "money:rub"), Map.entry("рубл", "money:rub"), Map.entry("euro", "money:eur"),
            Map.entry("евро", "money:eur"),
            Map.entry("day", Quantity.DAY), Map.entry("дней", Quantity.DAY), Map.entry("дня", Quantity.DAY),
            Map.entry("день", Quantity.DAY), Map.entry("кун", Quantity.DAY),
            Map.entry("km", Quantity.KM), Map.entry("kilomet", Quantity.KM), Map.entry("км", Quantity.KM),
            Map.entry("километр", Quantity.KM), Map.entry("шакырым", Quantity.KM));

    private static final Map<String, Double> MULTIPLIERS = Map.ofEntries(
            Map.entry("thousand", 1e3), Map.entry("тысяч", 1e3), Map.entry("тыс", 1e3), Map.entry("мын", 1e3),
            Map.entry("million", 1e6), Map.entry("миллион", 1e6), Map.entry("млн", 1e6), Map.entry("mln", 1e6),
            Map.entry("billion", 1e9), Map.entry("миллиард", 1e9), Map.entry("млрд", 1e9), Map.entry("bn", 1e9));

    /** Words read past between a number and its unit (more than 500 people; 500-ге жуық адам). */
    private static final Set<String> FILLERS = Set.of("жуык", "астам", "of", "more", "kazakh", "russian");

    private Numbers() {
    }

    /** The quantities of a token list; {@code skip[i]} marks tokens already read as part of a date. */
    static Set<Quantity> of(List<Tokens.Token> tokens, String text, boolean[] skip) {
        Set<Quantity> out = new LinkedHashSet<>();
        int i = 0;
        while (i < tokens.size()) {
            Tokens.Token t = tokens.get(i);
            if (!t.number() || skip[i] || glued(tokens, i, text)) {
                i++;
                continue;
            }
            // digits grouped by thousands: "1 500", "200,000"; a decimal part: "1,5", "3.7"
            double value = Double.parseDouble(t.text());
            int j = i + 1;
            while (j < tokens.size() && tokens.get(j).number() && tokens.get(j).text().length() == 3
                    && between(text, tokens.get(j - 1), tokens.get(j)).matches("[ ,\u00a0\u202f]") && !skip[j]) {
                value = value * 1000 + Double.parseDouble(tokens.get(j).text());
                j++;
            }
            if (j == i + 1 && j < tokens.size() && tokens.get(j).number()
                    && between(text, t, tokens.get(j)).matches("[.,]")) {
                value = Double.parseDouble(t.text() + "." + tokens.get(j).text());
                j++;
            }
            // a Kazakh case ending after a hyphen: 5000-нан, 30-дан
            if (j < tokens.size() && tokens.get(j).afterHyphen() && tokens.get(j).word()
                    && tokens.get(j).start() == tokens.get(j - 1).end() + 1) {
                if (tokens.get(j).text().length() > 4) {
                    i = j + 1; // 77-сессиясында, 70-летием: a compound, not a count
                    continue;
                }
                j++;
            }
            String unit = Quantity.NONE;
            if (i > 0 && tokens.get(i - 1).text().equals("$")) {
                unit = "money:usd";
            }
            int k = j;
            for (int look = 0; look < 3 && k < tokens.size(); look++, k++) {
                String w = tokens.get(k).folded();
                Double m = multiplier(w);
                if (m != null) {
                    value *= m;
                    continue;
                }
                String u = unit(w);
                if (u != null) {
                    unit = u;
                    break;
                }
                if (!FILLERS.contains(w)) {
                    break;
                }
            }
            boolean year = unit.equals(Quantity.NONE) && value >= 1900 && value <= 2100 && value == Math.rint(value)
                    && t.text().length() == 4;
            if (!year) {
                out.add(new Quantity(unit, value));
            }
            i = j;
        }
        return out;
    }

    /** A number glued to letters before it (Ил-76, COP27, C5) or after it (70th, 7km is read as glued too). */
    private static boolean glued(List<Tokens.Token> tokens, int i, String text) {
        Tokens.Token t = tokens.get(i);
        if (i > 0) {
            Tokens.Token prev = tokens.get(i - 1);
            if (prev.word() && (prev.end() == t.start() || t.afterHyphen() && prev.end() == t.start() - 1)) {
                return true;
            }
        }
        return t.end() < text.length() && Character.isLetter(text.charAt(t.end()));
    }

    private static String between(String text, Tokens.Token a, Tokens.Token b) {
        return text.substring(a.end(), b.start());
    }

    private static Double multiplier(String word) {
        for (Map.Entry<String, Double> e : MULTIPLIERS.entrySet()) {
            if (word.startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String unit(String word) {
        String best = null;
        int length = 0;
        for (Map.Entry<String, String> e : UNITS.entrySet()) {
            if (word.startsWith(e.getKey()) && e.getKey().length() > length) {
                best = e.getValue();
                length = e.getKey().length();
            }
        }
        if (best != null && best.equals(Quantity.TONNE) && !word.startsWith("тонн") && !word.startsWith("tonne")
                && !word.equals("ton") && !word.equals("tons")) {
            return null; // "tone", "tonight": only ton and tons are tonnes
        }
        if (best != null && best.equals(Quantity.DAY) && word.startsWith("day") && !word.equals("day") && !word.equals("days")) {
            return null;
        }
        return best;
    }
}
