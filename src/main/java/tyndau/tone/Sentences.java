package tyndau.tone;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the sentences of a text end, for both tone scorers: after . ! ? … (with closing quotes or
 * brackets) and white space, and at every line break; but not after a lone letter (an initial:
 * "Н. А. Назарбаев", "г. Астана"), a title ("Dr.", "им.", "проф."), nor before a word in lower case
 * ("53 тыс. баррелей", "M.D. и"). News is full of these, and a name cut from its sentence loses the
 * tone the sentence gives it.
 */
final class Sentences {
    private Sentences() {
    }

    /** Changes with the rules: sentences cut differently read differently, so stored tone is re-scored. */
    static final String VERSION = "s2";

    private static final Pattern CANDIDATE = Pattern.compile("[.!?…]+[\"»”)]*\\s+|\\n\\s*\\n|\\n");
    private static final Set<String> TITLES = Set.of("mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "gen", "col", "lt",
            "rep", "sen", "gov", "rev", "no", "им", "ул", "пр", "проф", "акад", "ген", "св", "см");

    /** A matcher to pass to {@link #end}, one per text. */
    static Matcher matcher(String text) {
        return CANDIDATE.matcher(text);
    }

    /** Where the sentence starting at {@code from} ends: past its terminator and the white space after it, or the text's end. */
    static int end(Matcher candidates, String text, int from) {
        int at = from;
        while (candidates.find(at)) {
            if (ends(text, candidates.start(), candidates.end())) {
                return candidates.end();
            }
            at = candidates.end();
        }
        return text.length();
    }

    private static boolean ends(String text, int start, int end) {
        for (int k = start; k < end; k++) {
            if (text.charAt(k) == '\n') {
                return true;
            }
        }
        if (end < text.length() && Character.isLowerCase(text.codePointAt(end))) {
            return false;
        }
        int word = start;
        while (word > 0 && Character.isLetter(text.charAt(word - 1))) {
            word--;
        }
        int length = start - word;
        boolean alone = word == 0 || !Character.isLetterOrDigit(text.charAt(word - 1));
        if (length == 1 && alone && text.charAt(word) != 'я') {
            return false; // an initial, or "г." (but "не я." ends)
        }
        return !(length > 1 && length <= 4 && alone && TITLES.contains(text.substring(word, start).toLowerCase(Locale.ROOT)));
    }
}
