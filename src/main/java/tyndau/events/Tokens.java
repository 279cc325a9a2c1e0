package tyndau.events;

import java.util.ArrayList;
import java.util.List;

/**
 * The words of a title or text as the event features read them: runs of letters, runs of digits, and the
 * signs {@code %} and {@code $}. A hyphen splits a word (Қасым-Жомарт, visa-free, СІМ-нің) and is remembered,
 * so that a Kazakh case ending written after a number (5000-нан) or a number glued to a name (Ил-76) can be
 * told apart. An apostrophe inside a word is dropped (Xi'an), an English possessive removed (Tokayev's).
 */
final class Tokens {
    /** One word. {@code initial}: the first word of a sentence or a title, or after a colon. */
    record Token(String text, String folded, int start, int end, boolean initial, boolean afterHyphen) {
        boolean number() {
            return Character.isDigit(text.charAt(0));
        }

        boolean word() {
            return Character.isLetter(text.charAt(0));
        }

        boolean capitalised() {
            return word() && Character.isUpperCase(text.charAt(0));
        }

        /** An acronym: two or more letters, all capitals (МИД, КНР, CPC). */
        boolean acronym() {
            if (text.length() < 2 || !word()) {
                return false;
            }
            for (int i = 0; i < text.length(); i++) {
                if (!Character.isUpperCase(text.charAt(i))) {
                    return false;
                }
            }
            return true;
        }
    }

    private Tokens() {
    }

    static List<Token> of(String text) {
        List<Token> out = new ArrayList<>();
        boolean initial = true;
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                int start = i;
                StringBuilder word = new StringBuilder();
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isLetter(d) || d == '\u0301') {
                        if (d != '\u0301') {
                            word.append(d);
                        }
                        i++;
                    } else if (isApostrophe(d) && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                        boolean possessive = (text.charAt(i + 1) == 's' || text.charAt(i + 1) == 'S')
                                && (i + 2 >= n || !Character.isLetter(text.charAt(i + 2)));
                        i += possessive ? 2 : 1;
                        if (possessive) {
                            break;
                        }
                    } else {
                        break;
                    }
                }
                out.add(token(word.toString(), start, i, initial, start > 0 && text.charAt(start - 1) == '-'));
                initial = false;
            } else if (Character.isDigit(c)) {
                int start = i;
                while (i < n && Character.isDigit(text.charAt(i))) {
                    i++;
                }
                out.add(token(text.substring(start, i), start, i, initial, start > 0 && text.charAt(start - 1) == '-'));
                initial = false;
            } else {
                if (c == '%' || c == '$') {
                    out.add(token(String.valueOf(c), i, i + 1, false, false));
                } else if (c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '\n') {
                    // a full stop inside a number or an abbreviation (U.S., 7.8) does not start a sentence
                    boolean spaceAfter = i + 1 >= n || Character.isWhitespace(text.charAt(i + 1));
                    if (spaceAfter || c != '.') {
                        initial = true;
                    }
                }
                i++;
            }
        }
        return out;
    }

    private static Token token(String text, int start, int end, boolean initial, boolean afterHyphen) {
        return new Token(text, Names.fold(text), start, end, initial, afterHyphen);
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ';
    }
}
