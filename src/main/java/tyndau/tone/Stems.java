package tyndau.tone;

import java.util.Locale;
import java.util.function.UnaryOperator;
import org.tartarus.snowball.SnowballStemmer;
import org.tartarus.snowball.ext.EnglishStemmer;
import org.tartarus.snowball.ext.RussianStemmer;
import org.tartarus.snowball.ext.TurkishStemmer;
import tyndau.language.KazakhStemmer;

/** The stemmer of each language, applied alike to lexicon entries and to text, so inflected forms meet. */
final class Stems {
    private Stems() {
    }

    /** A stemming function for a language (lower-cased input); a new one per caller, as Snowball stemmers keep state. */
    static UnaryOperator<String> of(String language) {
        String lang = language == null ? "" : language.toLowerCase(Locale.ROOT);
        return switch (lang) {
            case "ru", "uk" -> snowball(new RussianStemmer());
            case "en" -> snowball(new EnglishStemmer());
            case "tr" -> snowball(new TurkishStemmer());
            case "kk" -> KazakhStemmer::stem;
            default -> UnaryOperator.identity();
        };
    }

    private static UnaryOperator<String> snowball(SnowballStemmer s) {
        return word -> {
            s.setCurrent(word);
            s.stem();
            return s.getCurrent();
        };
    }
}
