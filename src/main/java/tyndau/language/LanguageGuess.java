package tyndau.language;

import com.github.pemistahl.lingua.api.Language;
import com.github.pemistahl.lingua.api.LanguageDetector;
import com.github.pemistahl.lingua.api.LanguageDetectorBuilder;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The language of a text that arrives without one, among kk, ru, uk, tr and en: Lingua's trigram
 * models once they are loaded (in the background, from the first call or {@link #preload()}), and
 * until then, or if they cannot load, the letters each language alone uses. Text with too few
 * letters, or written mostly in another script, gets no language.
 */
public final class LanguageGuess {
    private static final Logger LOG = Logger.getLogger(LanguageGuess.class);

    /** Fewer letters than this is a name or a number, not a language. */
    static final int MIN_LETTERS = 10;
    /** Lingua's time grows with the text; the opening of an article is enough to tell its language. */
    static final int MAX_CHARS = 1000;
    /** From this length on the letters can rule a language out (see Letters.allow). */
    static final int SENTENCE_CHARS = 40;

    private static final Language[] LANGUAGES = {
        Language.KAZAKH, Language.RUSSIAN, Language.UKRAINIAN, Language.TURKISH, Language.ENGLISH};
    private static final String KAZAKH_ONLY = "әғқңөұүһӘҒҚҢӨҰҮҺ";
    private static final String UKRAINIAN_ONLY = "їєґЇЄҐ";
    private static final String TURKISH_ONLY = "ğşıİĞŞ";
    // Russian and Kazakh write these; Ukrainian never does.
    private static final String NOT_UKRAINIAN = "ыэёъЫЭЁЪ";
    private static final String UKRAINIAN_OR_KAZAKH_I = "іІ";
    // Kazakh in Latin letters (the 2018 alphabet's acutes, the 2021 one's ä ñ ū): neither Turkish nor English writes them.
    private static final String KAZAKH_LATIN_ONLY = "äñūǵńýúóáÄÑŪǴŃÝÚÓÁ";

    private static final CompletableFuture<LanguageDetector> MODELS = new CompletableFuture<>();
    private static final CompletionStage<Void> SETTLED = MODELS.handle((detector, failure) -> null);
    private static final AtomicBoolean LOADING = new AtomicBoolean();

    private LanguageGuess() {
    }

    /** An ISO 639-1 code, or empty when the text is too short or not in one of the five. */
    public static Optional<String> of(String text) {
        startLoading();
        return of(text, modelsReady() ? MODELS.join() : null);
    }

    /**
     * Starts loading the models in a background thread unless that has begun already; completes
     * when they are ready (or failed, leaving the letter rules in charge). Loading takes a second or
     * two of CPU, so callers that must not wait simply call {@link #of(String)}.
     */
    public static CompletionStage<Void> preload() {
        startLoading();
        return SETTLED;
    }

    private static void startLoading() {
        if (LOADING.compareAndSet(false, true)) {
            Thread loader = new Thread(LanguageGuess::load, "language-models");
            loader.setDaemon(true);
            loader.start();
        }
    }

    /** Whether {@link #of(String)} answers from the models yet. */
    public static boolean modelsReady() {
        return MODELS.isDone() && !MODELS.isCompletedExceptionally();
    }

    private static void load() {
        long start = System.nanoTime();
        try {
            // Low-accuracy mode loads the trigram models alone: about 20 MB of heap instead of about
            // 150 MB for the 1- to 5-gram ones, and with the letter checks of allow() it is as right
            // on sentences of 40 characters or more (LanguageEvaluationTest, -Dlanguage.compare=true).
            // A service importing with -Xmx160m keeps its room to work.
            LanguageDetector detector = LanguageDetectorBuilder.fromLanguages(LANGUAGES)
                    .withLowAccuracyMode().withPreloadedLanguageModels().build();
            MODELS.complete(detector);
            LOG.infof("language models loaded in %d ms", (System.nanoTime() - start) / 1_000_000);
        } catch (RuntimeException | Error e) {
            MODELS.completeExceptionally(e);
            LOG.warnf("language models failed to load (%s); languages come from letters alone", e.toString());
        }
    }

    /** With {@code detector} null, the letter rules alone. */
    static Optional<String> of(String text, LanguageDetector detector) {
        if (text == null) {
            return Optional.empty();
        }
        String sample = opening(text);
        Letters letters = Letters.count(sample);
        if (!letters.enough()) {
            return Optional.empty();
        }
        if (letters.latinKazakh()) {
            // Lingua's Kazakh is Cyrillic only: it would answer Turkish or English.
            return Optional.of("kk");
        }
        if (letters.plainlyRussian()) {
            // What Lingua would answer anyway once the letters rule out kk and uk: it was 85 % of a feed's normalising.
            return Optional.of("ru");
        }
        if (detector != null) {
            // Most likely first; the first one the letters do not rule out.
            for (Language language : detector.computeLanguageConfidenceValues(forLingua(sample)).keySet()) {
                String code = language.getIsoCode639_1().toString();
                if (letters.allow(code)) {
                    return Optional.of(code);
                }
            }
        }
        return letters.guess();
    }

    /** The letter rules alone: what {@link #of(String)} answers until the models are loaded. */
    static Optional<String> byLetters(String text) {
        return of(text, null);
    }

    /** The first {@link #MAX_CHARS} characters, cut at a space so no word is halved. */
    static String opening(String text) {
        if (text.length() <= MAX_CHARS) {
            return text;
        }
        int cut = MAX_CHARS;
        while (cut > MAX_CHARS / 2 && !Character.isWhitespace(text.charAt(cut))) {
            cut--;
        }
        return text.substring(0, cut > MAX_CHARS / 2 ? cut : MAX_CHARS);
    }

    /**
     * Lingua 1.2.2 (its last release) maps щ to Bulgarian, Kazakh, Mongolian and Russian only, so
     * Ukrainian text with both щ and і is ruled Kazakh before any model is consulted; fixed upstream
     * in pemistahl/lingua#193, never released. Where Ukrainian is possible, щ is read as ш.
     */
    static String forLingua(String sample) {
        for (int i = 0; i < sample.length(); i++) {
            char c = sample.charAt(i);
            if (UKRAINIAN_ONLY.indexOf(c) >= 0 || UKRAINIAN_OR_KAZAKH_I.indexOf(c) >= 0) {
                return sample.replace('щ', 'ш').replace('Щ', 'Ш');
            }
        }
        return sample;
    }

    /** Letters by script, and those that only one of the candidate languages writes. */
    private record Letters(int chars, int cyrillic, int latin, int other, int kazakh, int ukrainian, int ukrainianI,
            int notUkrainian, int turkish, int kazakhLatin, int qNotU) {

        static Letters count(String text) {
            int cyrillic = 0;
            int latin = 0;
            int other = 0;
            int kazakh = 0;
            int ukrainian = 0;
            int ukrainianI = 0;
            int notUkrainian = 0;
            int turkish = 0;
            int kazakhLatin = 0;
            int qNotU = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (!Character.isLetter(c)) {
                    continue;
                }
                Character.UnicodeScript script = Character.UnicodeScript.of(c);
                if (script == Character.UnicodeScript.CYRILLIC) {
                    cyrillic++;
                    kazakh += KAZAKH_ONLY.indexOf(c) >= 0 ? 1 : 0;
                    ukrainian += UKRAINIAN_ONLY.indexOf(c) >= 0 ? 1 : 0;
                    ukrainianI += UKRAINIAN_OR_KAZAKH_I.indexOf(c) >= 0 ? 1 : 0;
                    notUkrainian += NOT_UKRAINIAN.indexOf(c) >= 0 ? 1 : 0;
                } else if (script == Character.UnicodeScript.LATIN) {
                    latin++;
                    turkish += TURKISH_ONLY.indexOf(c) >= 0 ? 1 : 0;
                    kazakhLatin += KAZAKH_LATIN_ONLY.indexOf(c) >= 0 ? 1 : 0;
                    boolean u = i + 1 < text.length() && (text.charAt(i + 1) == 'u' || text.charAt(i + 1) == 'U');
                    qNotU += (c == 'q' || c == 'Q') && !u ? 1 : 0;
                } else {
                    other++;
                }
            }
            return new Letters(text.length(), cyrillic, latin, other, kazakh, ukrainian, ukrainianI, notUkrainian,
                    turkish, kazakhLatin, qNotU);
        }

        /** Enough Cyrillic or Latin letters to judge, and more of them than of any other script. */
        boolean enough() {
            return cyrillic + latin >= MIN_LETTERS && cyrillic + latin > other;
        }

        /**
         * Whether the letters leave room for the language. Kazakh writes і or a letter of its own in
         * nearly every sentence (all but 2 of KazNERD's 9,637 of 40 characters or more, both of them
         * Russian phrases quoted); Ukrainian nearly always writes і, ї, є or ґ (100 of the project's
         * 101 sentences), and not Kazakh's own letters. Lingua's trigram models alone take a few
         * Russian sentences for either, which costs Russian more than the rare Ukrainian sentence
         * without those letters costs Ukrainian. A headline is too short for such rules
         * ("Астанада саммит басталды" has none of Kazakh's letters): there Lingua decides alone.
         */
        boolean allow(String code) {
            if (chars < SENTENCE_CHARS) {
                // Too short to ask for a language's letters, but a letter one language never writes rules it
                // out at any length: "Жаман екен, қызық емес" is not Ukrainian.
                return switch (code) {
                    case "uk" -> kazakh == 0 && notUkrainian == 0;
                    case "kk" -> ukrainian == 0;
                    case "ru" -> ukrainian == 0 && ukrainianI == 0;
                    default -> true;
                };
            }
            return switch (code) {
                case "kk" -> kazakh > 0 || ukrainianI > 0;
                case "uk" -> ukrainian > 0 || ukrainianI > 0 && kazakh == 0;
                default -> true;
            };
        }

        /**
         * Kazakh in Latin letters, as people write reviews and comments ("Óte jaman. Jarnama kóp.", "Mäselen men
         * öz qalamnan jūmys tapqym keledı"): mostly Latin, with at least two of the letters only Latin Kazakh
         * writes (ä ñ ū and the acutes, or q before anything but u: Turkish has no q, English puts u after it)
         * beside ı, ğ or ş (which Spanish names in English text lack), and such letters at least one in forty.
         */
        boolean latinKazakh() {
            int signs = kazakhLatin + qNotU;
            return latin > cyrillic && signs >= 2 && turkish > 0 && signs * 40 >= latin;
        }

        /**
         * A sentence or more of Cyrillic with none of Kazakh's or Ukrainian's letters (so {@link #allow}
         * leaves neither) and little Latin: Russian, with no model to ask.
         */
        boolean plainlyRussian() {
            return chars >= SENTENCE_CHARS && cyrillic >= 4 * latin && kazakh == 0 && ukrainian == 0 && ukrainianI == 0;
        }

        Optional<String> guess() {
            if (cyrillic >= latin) {
                if (kazakh > 0 && kazakh >= ukrainian) {
                    return Optional.of("kk");
                }
                if (ukrainian > 0) {
                    return Optional.of("uk");
                }
                // і is not Russian; frequent і beside ы, э, ё or ъ is Kazakh that happens to lack its own letters.
                if (ukrainianI * 50 > cyrillic) {
                    return Optional.of(notUkrainian > 0 ? "kk" : "uk");
                }
                return Optional.of("ru");
            }
            // One ğ or ş is a Turkish name in English text (Erdoğan); Turkish prose has several.
            return Optional.of(turkish >= 2 && turkish * 100 > latin ? "tr" : "en");
        }
    }
}
