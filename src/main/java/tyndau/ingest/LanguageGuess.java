package tyndau.ingest;

import java.util.Optional;

/**
 * A script-and-letter guess among kk, ru, uk, tr and en, for text that arrives without a language.
 * Kazakh and Ukrainian are told from Russian by the letters only they use; Turkish from English
 * likewise. Text with too few letters to judge gets no language.
 */
public final class LanguageGuess {
    private static final String KAZAKH_ONLY = "әғқңөұүһӘҒҚҢӨҰҮҺ";
    private static final String UKRAINIAN_ONLY = "їєґЇЄҐ";
    private static final String TURKISH_ONLY = "ğşıİĞŞ";

    private LanguageGuess() {
    }

    public static Optional<String> of(String text) {
        if (text == null) {
            return Optional.empty();
        }
        int cyrillic = 0;
        int latin = 0;
        int kazakh = 0;
        int ukrainian = 0;
        int turkish = 0;
        int ukrainianI = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                cyrillic++;
                if (KAZAKH_ONLY.indexOf(c) >= 0) {
                    kazakh++;
                } else if (UKRAINIAN_ONLY.indexOf(c) >= 0) {
                    ukrainian++;
                } else if (c == 'і' || c == 'І') {
                    ukrainianI++;
                }
            } else if (Character.isLetter(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN) {
                latin++;
                if (TURKISH_ONLY.indexOf(c) >= 0) {
                    turkish++;
                }
            }
        }
        if (cyrillic + latin < 8) {
            return Optional.empty();
        }
        if (cyrillic >= latin) {
            if (kazakh > 0 && kazakh >= ukrainian) {
                return Optional.of("kk");
            }
            if (ukrainian > 0 || ukrainianI * 50 > cyrillic) {
                return Optional.of(ukrainian > 0 || kazakh == 0 ? "uk" : "kk");
            }
            return Optional.of("ru");
        }
        return Optional.of(turkish * 100 > latin ? "tr" : "en");
    }
}
