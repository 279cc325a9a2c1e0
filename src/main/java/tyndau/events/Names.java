package tyndau.events;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One spelling for a name across Kazakh, Russian and English: Тоқаев, Токаев, Токаеву, Тоқаевтың, Tokayev
 * and Tokaev all reach the key {@code takav}.
 *
 * <p>Three steps. {@link #fold} lower-cases and folds the nine Kazakh letters onto their Russian
 * neighbours (ә→а, ғ→г, қ→к, ң→н, ө→о, ұ→у, ү→у, һ→х, і→и), so Kazakh and Russian spellings of one name
 * meet. {@link #latin} transliterates Cyrillic letter by letter. {@link #canonical} then maps the several
 * Latin spellings of one sound onto one: kh→h, zh→j (Zhomart, Jomart), ts→c, a y between vowels is dropped
 * (Tokayev, Tokaev), every other y is i, a c that sounds k is k (Macron, Макрон), doubled letters are single
 * (Kassym, Касым). Three rules follow the
 * Russian (Palladius) spelling of Chinese names: цз is j (Цзиньпин, Jinping), ng before a consonant or at the end is n (Шанфу, Shangfu),
 * and a word-initial xi is si (Xi, Си).
 *
 * <p>Inflection is left to {@link #key}: the first {@link #KEY_LENGTH} canonical letters once every run of vowels is one
 * {@code a} (the vowels are where transliterations differ most: Trump, Трамп; Alaska, Аляска), which is where
 * Kazakh case endings (stacked: Ресей-де-гі) and Russian ones (Токаев-у) do not reach in names of five
 * letters or more. Shorter stems with an ending (Асад-қа) also get the stem as a second key
 * ({@link #keys}). Names whose spellings differ beyond this (Пекин, Beijing, Бейжің; Ресей, Россия) are
 * the {@link Lexicon}'s job.
 */
public final class Names {
    /** Letters of a name key: long enough to tell surnames apart, short enough to pass case endings. */
    public static final int KEY_LENGTH = 5;

    /** Names shorter than this give no key (initials, Си, Ли: those the lexicon knows are its). */
    static final int MIN_KEY = 3;

    private static final String CYRILLIC = "абвгдеёжзийклмнопрстуфхцчшщъыьэюя";
    private static final String[] LATIN = {
        "a", "b", "v", "g", "d", "e", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p", "r", "s", "t", "u",
        "f", "kh", "ts", "ch", "sh", "sh", "", "y", "", "e", "yu", "ya"};

    /** Case endings (Kazakh and Russian, in canonical Latin) a short stem may carry; see {@link #keys}. */
    private static final List<String> ENDINGS = List.of(
            "nin", "din", "tin", "dan", "den", "tan", "ten", "nan", "nen", "men", "ben", "pen",
            "ga", "ge", "ka", "ke", "na", "ne", "ni", "di", "ti", "da", "de", "ta", "te",
            "om", "em", "im", "oi", "ei", "a", "u", "e", "i");

    /** A Latin c that sounds k: before a, o, u, a consonant or at the end (Macron, Macron's: Макрон). */
    private static final Pattern HARD_C = Pattern.compile("c(?=[aoulrtkmnbdgpsv]|$)");
    /** Palladius writes pinyin -ng as -н (Shangfu, Шанфу; Jinping, Цзиньпин); before a vowel it is н + a Kazakh ending (Иран-ға). */
    private static final Pattern NG = Pattern.compile("ng(?![aeiou])");
    /** A run of vowels, one letter in a key: transliterations differ most in vowels (Trump, Трамп; Alaska, Аляска). */
    private static final Pattern VOWELS = Pattern.compile("[aeiou]+");
    private static final Pattern VOWEL_Y_VOWEL = Pattern.compile("(?<=[aeiou])y(?=[aeiou])");

    private Names() {
    }

    /** Lower case, ё→е, the Kazakh letters folded onto Russian ones, Latin diacritics removed (Erdoğan, Türkiye). */
    public static String fold(String word) {
        String lower = word.toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i);
            switch (c) {
                case 'ё' -> out.append('е');
                case 'ә' -> out.append('а');
                case 'ғ' -> out.append('г');
                case 'қ' -> out.append('к');
                case 'ң' -> out.append('н');
                case 'ө' -> out.append('о');
                case 'ұ', 'ү' -> out.append('у');
                case 'һ' -> out.append('х');
                case 'і' -> out.append('и');
                case 'ş' -> out.append("sh");
                case 'ç' -> out.append("ch");
                case 'ı' -> out.append('i');
                case '’', 'ʼ', '\'' -> out.append('\'');
                default -> {
                    if (c < 0x0250 && c > 0x007f) {
                        // Latin letters with diacritics: keep the base letter (ü→u, ğ→g, é→e)
                        String base = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                        out.append(base.charAt(0));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    /** Cyrillic letters of a folded word transliterated; Latin letters and anything else kept. */
    public static String latin(String folded) {
        StringBuilder out = new StringBuilder(folded.length() + 4);
        for (int i = 0; i < folded.length(); i++) {
            char c = folded.charAt(i);
            int at = CYRILLIC.indexOf(c);
            out.append(at >= 0 ? LATIN[at] : String.valueOf(c));
        }
        return out.toString();
    }

    /** The one Latin spelling of a transliterated or English word: letters a–z only. */
    public static String canonical(String latinWord) {
        String s = latinWord.toLowerCase(Locale.ROOT);
        if (s.endsWith("'s")) {
            s = s.substring(0, s.length() - 2);
        }
        s = s.replaceAll("[^a-z]", "");
        if (s.startsWith("xi")) {
            s = "s" + s.substring(1);
        }
        if (s.startsWith("ye")) {
            s = s.substring(1);
        }
        s = s.replace("dzh", "j").replace("chzh", "j").replace("zh", "j").replace("kh", "h").replace("tch", "ch")
                .replace("ts", "c").replace("cz", "j").replace("ph", "f").replace("ck", "k").replace('w', 'v')
                .replace("qi", "ci").replace('q', 'k').replace("x", "ks");
        s = HARD_C.matcher(s).replaceAll("k");
        s = VOWEL_Y_VOWEL.matcher(s).replaceAll("");
        s = NG.matcher(s.replace('y', 'i')).replaceAll("n");
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            if (i == 0 || s.charAt(i) != s.charAt(i - 1)) {
                out.append(s.charAt(i));
            }
        }
        return out.toString();
    }

    /** fold, latin and canonical in one: the full canonical spelling of a word in any of the three scripts. */
    public static String spelling(String word) {
        return canonical(latin(fold(word)));
    }

    /** The name key of a word ({@link #KEY_LENGTH} canonical letters), or null when it is too short to be one. */
    public static String key(String word) {
        return keyOf(spelling(word), KEY_LENGTH);
    }

    /**
     * The keys of a word: its {@link #key}, and when a case ending leaves a stem of three or four letters
     * (Асадқа → asad, Иранға → iran), that stem too, so that it meets the bare name (Assad, Iran).
     */
    public static List<String> keys(String word, int keyLength) {
        String s = spelling(word);
        String key = keyOf(s, keyLength);
        if (key == null) {
            return List.of();
        }
        if (s.length() > keyLength - 1) {
            for (String ending : ENDINGS) {
                int stem = s.length() - ending.length();
                if (s.endsWith(ending) && stem >= MIN_KEY && stem < keyLength) {
                    String shortStem = keyOf(s.substring(0, stem), keyLength);
                    return shortStem.equals(key) ? List.of(key) : List.of(key, shortStem);
                }
            }
        }
        return List.of(key);
    }

    /** Keys without transliteration (an ablation): the folded word in its own script, cut to the same length. */
    public static String scriptKey(String word, int keyLength) {
        String s = fold(word).replaceAll("[^\\p{L}]", "");
        if (s.length() < MIN_KEY) {
            return null;
        }
        return s.length() <= keyLength ? s : s.substring(0, keyLength);
    }

    private static String keyOf(String canonical, int keyLength) {
        if (canonical.length() < MIN_KEY) {
            return null;
        }
        canonical = VOWELS.matcher(canonical).replaceAll("a");
        return canonical.length() <= keyLength ? canonical : canonical.substring(0, keyLength);
    }
}
