package tyndau.language;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A light, rule-based suffix-stripping stemmer for Kazakh in Cyrillic script. Its aim is to conflate
 * a noun (above all a place or organisation name) with its inflected forms, e.g. Ресей, Ресейдің,
 * Ресейге, Ресейден, Ресеймен, Ресейде, Ресейдегі all become {@code ресей}. It is not a
 * morphological analyser: verbs are stemmed only where their endings coincide with noun endings.
 *
 * <p>Kazakh is agglutinative: stem + plural + possessive + case (+ the attributive -ғы after the
 * locative). Every ending has allomorphs chosen by vowel harmony and by the last sound of what it
 * follows (Ресей-ге but Қазақстан-ға, Қытай-дың but Қазақстан-ның, Ресей-ден but Қазақстан-нан).
 * The stemmer strips endings iteratively from the end of the word, longest first, and accepts an
 * ending only when the letter before it is one that allomorph can follow. That phonotactic check
 * is what keeps it light: Қытай does not lose "-тай", Орта does not lose "-та" (т/қ-initial endings
 * follow only voiceless consonants), Украина does not lose "-на" (that dative follows only the
 * possessive -ы/-і), and Ресми keeps its "и".
 *
 * <p>Input must already be lower-cased. Words that are not entirely Cyrillic letters (Latin words,
 * numbers, mixed tokens) are returned unchanged.
 */
public final class KazakhStemmer {

    /**
     * The shortest stem left behind is three letters. Most Kazakh roots are at least CVC (жыл, бас,
     * жер, сан, күн), and two-letter remainders are mostly artefacts of ambiguous splits: бас-ы
     * would otherwise become "ба" + сы, сан-ы "са" + ны, оны (him) "он" (ten) + ы, асты (under)
     * "ас" (food) + ты. The few common genuine two-letter roots (nearly all vowel + consonant) are
     * listed in {@link #TWO_LETTER_ROOTS} so that елде, елдің, еліміз still reach ел.
     */
    static final int MIN_STEM = 3;

    /** Two-letter roots a suffix may be stripped down to (ел country, үй house, ай month, ...). */
    static final Set<String> TWO_LETTER_ROOTS = Set.of("ел", "үй", "ай", "ой", "іс", "із", "ат", "ән", "өз", "ер", "ие");

    private static final String VOWELS = "аәеёиоөұүыіэюя";
    /** Voiceless consonants, plus б в г д, after which the т/қ/к/п-initial allomorphs are used. */
    private static final String HARD = "птқкшсфхцчщбвгд";
    /** Sonorants other than the nasals (й and у behave as consonants; и is lenient). */
    private static final String SONORANT = "рлйузжиьъ";
    private static final String NASAL = "мнң";
    /** Letters after which the д/ғ/г-initial allomorphs are used (б в г д lenient for loanwords). */
    private static final String SOFT = VOWELS + SONORANT + NASAL + "бвгд";

    /**
     * Words whose shape looks inflected but is not (mostly pronouns and postpositions). They are
     * returned as they are, so that e.g. оның (his) is not cut to он (ten).
     */
    private static final Set<String> EXCEPTIONS = Set.of(
            "оның", "оны", "оған", "онда", "одан", "онымен", "оларды", "олардың", "оларға",
            "мұның", "мұны", "мұнда", "мұнан", "бұның", "бұны", "бұған", "бұдан", "бұнда",
            "соның", "соны", "соған", "сонда", "содан", "сонымен", "сондағы",
            "осының", "осыны", "осыған", "осында", "осыдан", "осымен", "осындағы",
            "менің", "сенің", "маған", "саған", "мені", "сені",
            "тағы", "бері", "әрі", "кейде", "алда", "тіпті", "мұндағы", "мұнымен", "өйткені", "екені", "міне");

    /**
     * Stems that end like an inflected form, or whose inflected forms are ambiguous, and would
     * otherwise be cut or split wrongly: теңге is not тең + ге, аудан not ау + дан, кеңес-і not
     * кеңе + сі, Алматы-ны not Алматын + ы. A word starting with one of these is never stemmed
     * below it, and a suffix that leaves exactly the listed stem is preferred. The list comes from
     * reviewing the stems of the KazNERD vocabulary; extend it when a merge of unrelated words shows.
     */
    private static final List<String> PROTECTED_STEMS = sortedLongestFirst(List.of(
            "теңге", "бірге", "басқа", "алматы", "қарағанды", "аудан", "майдан", "кеңес", "күрес",
            "бизнес", "жолдас", "отан", "мазмұн", "заман", "орган", "экран", "арман", "шығыс",
            "батыс", "қатыс", "желі", "канада", "оқиға", "сауда", "гектар", "бүгін", "салдар", "жақын",
            "қазына", "кешен", "тұлға", "өзге", "пайда", "қатынас", "жалғас", "орын", "жиын", "ойын",
            "үлес", "қабырға", "мекен", "өзен", "кеден", "дүкен", "тоқсан", "әдіс", "алты", "жеті"));

    /** Stems whose second vowel drops before a vowel-initial suffix: халық + ы = халқы. */
    private static final Map<String, String> SYNCOPE = Map.ofEntries(
            Map.entry("халқ", "халық"), Map.entry("нарқ", "нарық"), Map.entry("қалп", "қалып"),
            Map.entry("орн", "орын"), Map.entry("ауз", "ауыз"), Map.entry("аул", "ауыл"),
            Map.entry("даус", "дауыс"), Map.entry("ерк", "ерік"), Map.entry("мұрн", "мұрын"),
            Map.entry("мойн", "мойын"), Map.entry("көңл", "көңіл"), Map.entry("ерн", "ерін"),
            Map.entry("қарн", "қарын"), Map.entry("бөрк", "бөрік"));

    /** A suffix and the test on the word that remains once it is removed. */
    private record Suffix(String text, Condition condition) {
    }

    @FunctionalInterface
    private interface Condition {
        boolean accepts(String word, String rest);
    }

    private static final List<Suffix> SUFFIXES = buildSuffixes();

    private static List<Suffix> buildSuffixes() {
        List<Suffix> s = new ArrayList<>();
        // Case endings. Genitive.
        add(s, after(VOWELS + NASAL), "ның", "нің");
        add(s, after(SONORANT), "дың", "дің");
        add(s, after(HARD), "тың", "тің");
        // Dative (-а/-е after the 1st/2nd person possessive is left alone: it would eat the final
        // vowel of words such as жаңа or кеме).
        add(s, after(SOFT), "ға", "ге");
        add(s, after(HARD), "қа", "ке");
        add(s, after("ыі"), "на", "не");
        // Accusative; -ды/-ді/-ты/-ті are also the past tense of verbs (болды, айтты).
        add(s, KazakhStemmer::accusativeAfterVowel, "ны", "ні");
        add(s, after(SOFT), "ды", "ді");
        add(s, after(HARD), "ты", "ті");
        // -н after the 3rd person possessive is taken only where the possessive is unambiguous:
        // after plural + possessive (балаларын) or as -сын (мәселесін). A bare -ын/-ін would cut
        // ақын, жақын, кейін, бүгін, тегін.
        add(s, (w, r) -> endsWithPlural(r), "ын", "ін");
        add(s, KazakhStemmer::possessiveSAfterVowel, "сын", "сін");
        // Locative.
        add(s, after(SOFT), "да", "де");
        add(s, after(HARD), "та", "те");
        add(s, after("ыі"), "нда", "нде");
        // Ablative.
        add(s, after(VOWELS + SONORANT), "дан", "ден");
        add(s, KazakhStemmer::ablativeT, "тан", "тен");
        add(s, after(NASAL + "ыі"), "нан", "нен");
        // Instrumental (written fused: Ресеймен, Қытаймен).
        add(s, after(VOWELS + "рлйуиьъ" + NASAL), "мен", "менен");
        add(s, after("зж"), "бен", "бенен");
        add(s, after(HARD), "пен", "пенен");
        // Attributive: locative + -ғы (Ресейдегі, Украинадағы, Шыңжаңдағы).
        add(s, after(SOFT), "дағы", "дегі");
        add(s, after(HARD), "тағы", "тегі");
        add(s, after("ыі"), "ндағы", "ндегі");
        // Possessive: 3rd person, 1st and 2nd (polite) person plural. The 1st/2nd person singular
        // (-ым, -ың, -м, -ң) are rare in news and collide with шешім, білім, ұйым, мың.
        add(s, KazakhStemmer::possessiveAfterConsonant, "ы", "і");
        add(s, KazakhStemmer::possessiveSAfterVowel, "сы", "сі");
        add(s, KazakhStemmer::possessiveAfterConsonant, "ымыз", "іміз", "ыңыз", "іңіз");
        add(s, after(VOWELS), "мыз", "міз", "ңыз", "ңіз");
        // Plural.
        add(s, after(VOWELS + "руй"), "лар", "лер");
        add(s, after("лмнңзж"), "дар", "дер");
        add(s, after(HARD), "тар", "тер");
        s.sort(Comparator.comparingInt((Suffix x) -> x.text().length()).reversed());
        return List.copyOf(s);
    }

    private static void add(List<Suffix> list, Condition c, String... texts) {
        for (String t : texts) {
            list.add(new Suffix(t, c));
        }
    }

    private static Condition after(String letters) {
        return (w, r) -> letters.indexOf(last(r)) >= 0;
    }

    private KazakhStemmer() {
    }

    /** Returns the stem of a lower-cased word. */
    public static String stem(String word) {
        if (word.length() < 3 || !isCyrillicWord(word)) {
            return word;
        }
        word = word.replace('i', 'і').replace('ə', 'ә');
        if (EXCEPTIONS.contains(word)) {
            return word;
        }
        String floor = protectedStem(word);
        if (word.equals(floor)) {
            return word;
        }
        String w = word;
        boolean changed = true;
        while (changed) {
            changed = false;
            if (floor != null && w.length() > floor.length() && isSuffixOf(floor, w)) {
                w = floor;
                break;
            }
            for (Suffix s : SUFFIXES) {
                String t = s.text();
                if (w.length() <= t.length() || !w.endsWith(t)) {
                    continue;
                }
                String rest = w.substring(0, w.length() - t.length());
                if (!longEnough(rest) || (floor != null && rest.length() < floor.length())) {
                    continue;
                }
                if (s.condition().accepts(w, rest)) {
                    w = rest;
                    changed = true;
                    break;
                }
            }
        }
        return finish(w);
    }

    /**
     * True when {@code w} is the protected {@code stem} followed by one suffix. The stem being known,
     * the ambiguity tests are skipped (теңге-ні, Алматы-ны).
     */
    private static boolean isSuffixOf(String stem, String w) {
        if (!w.startsWith(stem)) {
            return false;
        }
        String tail = w.substring(stem.length());
        for (Suffix s : SUFFIXES) {
            if (s.text().equals(tail)) {
                return true;
            }
        }
        return false;
    }

    private static String finish(String w) {
        String s = SYNCOPE.get(w);
        if (s != null) {
            return s;
        }
        // Before a vowel-initial suffix a final к/қ/п after a vowel is voiced: көмек + і = көмегі,
        // аймақ + ы = аймағы, кітап + ы = кітабы. Native stems do not end in vowel + г/ғ/б, so
        // such an ending is mapped back (loanwords such as педагог get the same treatment in all
        // their forms, which keeps them consistent).
        if (w.length() >= 3 && isVowel(w.charAt(w.length() - 2))) {
            char c = last(w);
            char d = c == 'г' ? 'к' : c == 'ғ' ? 'қ' : c == 'б' ? 'п' : c;
            if (d != c) {
                return w.substring(0, w.length() - 1) + d;
            }
        }
        return w;
    }

    private static boolean longEnough(String rest) {
        if (rest.length() >= MIN_STEM) {
            return hasVowel(rest);
        }
        return TWO_LETTER_ROOTS.contains(rest);
    }

    private static String protectedStem(String word) {
        for (String p : PROTECTED_STEMS) {
            if (word.startsWith(p)) {
                return p;
            }
        }
        return null;
    }

    // ----- conditions that need more than the previous letter -----

    /**
     * The possessive -ы/-і (-ымыз, -ыңыз) follows consonants, but:
     * <ul>
     *   <li>not the agent suffix -шы/-ші (басшы leader, елші ambassador, оқушы pupil), which would
     *       otherwise lose its vowel: елші must not become елш, so that елшісі stays with елші;
     *   <li>after г/ғ/б only when a vowel precedes, i.e. where they are voiced к/қ/п (көмегі,
     *       аймағы, кітабы). After a consonant they belong to the word: белгі, құрылғы, and the
     *       adjectival -ғы of жылғы (of the year), which must not meet жылқы (horse) at "жылқ".
     * </ul>
     */
    private static boolean possessiveAfterConsonant(String w, String rest) {
        char p = last(rest);
        if (isVowel(p)) {
            return false;
        }
        if ((p == 'г' || p == 'ғ' || p == 'б') && (rest.length() < 2 || !isVowel(rest.charAt(rest.length() - 2)))) {
            return false;
        }
        return !(p == 'ш' && isAgentStem(rest + "ы"));
    }

    /** -шы/-ші after a consonant, у or и: басшы, елші, оқушы, бірінші. */
    private static boolean isAgentStem(String s) {
        if (s.length() < 3) {
            return false;
        }
        char v = last(s);
        char sh = s.charAt(s.length() - 2);
        char before = s.charAt(s.length() - 3);
        return (v == 'ы' || v == 'і') && sh == 'ш' && (!isVowel(before) || before == 'и');
    }

    /**
     * -сы/-сі (and -сын/-сін) is the 3rd person possessive after a vowel (қала-сы), but a word ending
     * in vowel + сы may also be a stem in -с + possessive -ы (облыс-ы, жұмыс-ы, сілкініс-і). After
     * any vowel but ы/і the first reading is far more common. After ы/і it depends on the consonant
     * before that vowel: agent nouns (басшы-сы), -ақы (жалақы-сы) and stems in -ғы/-қы/-гі/-кі,
     * -ды/-ты, -жы, -сы, -йы (белгі-сі, қорытынды-сы, қаржы-сы) take -сы; deverbal nouns in -ыс/-іс
     * after л, р, м, н, б, у and the rest (құрылыс-ы, жұмыс-ы, табыс-ы, көрініс-і, дауыс-ы) take -ы.
     */
    private static boolean possessiveSAfterVowel(String w, String rest) {
        char p = last(rest);
        if (!isVowel(p)) {
            return false;
        }
        if (p != 'ы' && p != 'і') {
            return true;
        }
        return stemInYI(rest, "қғкгдтжсй");
    }

    /** Whether a stem ending in ы/і is plausibly such a stem (rather than -ын/-іс + ы). */
    private static boolean stemInYI(String rest, String consonants) {
        if (isAgentStem(rest) || (rest.length() >= 5 && rest.endsWith("ақы"))) {
            return true;
        }
        if (rest.length() < 2) {
            return false;
        }
        return consonants.indexOf(rest.charAt(rest.length() - 2)) >= 0;
    }

    /**
     * The accusative -ны/-ні follows vowels (Түркия-ны, мәселе-ні), but vowel + ны may also be a
     * stem in -н + possessive -ы. After ы/і: тұрғын-ы, шығын-ы, жиын-ы, толқын-ы take -ы, while
     * қаржы-ны, отбасы-ны, туынды-ны take -ны. Elsewhere: participles in -ған/-ген/-қан/-кен after
     * a consonant (болған-ы, үлкен-і) take -ы; everything else takes -ны.
     */
    private static boolean accusativeAfterVowel(String w, String rest) {
        char p = last(rest);
        if (!isVowel(p)) {
            return false;
        }
        if (p == 'ы' || p == 'і') {
            if (w.endsWith("атыны") || w.endsWith("етіні") || w.endsWith("йтыны") || w.endsWith("йтіні")) {
                return false;
            }
            return stemInYI(rest, "жсдлт");
        }
        if (rest.length() >= 5) {
            String tail = rest.substring(rest.length() - 2);
            boolean participle = tail.equals("ға") || tail.equals("ге") || tail.equals("қа") || tail.equals("ке");
            if (participle && !isVowel(rest.charAt(rest.length() - 3))) {
                return false;
            }
        }
        return true;
    }

    /** -тан/-тен, except in place names in -стан (Қазақстан, Пәкістан, Ауғанстан, Түркістан). */
    private static boolean ablativeT(String w, String rest) {
        if (HARD.indexOf(last(rest)) < 0) {
            return false;
        }
        return !(w.endsWith("стан") && rest.length() >= 4);
    }

    private static boolean endsWithPlural(String rest) {
        if (rest.length() < 5) {
            return false;
        }
        String t = rest.substring(rest.length() - 3);
        return t.equals("лар") || t.equals("лер") || t.equals("дар") || t.equals("дер") || t.equals("тар") || t.equals("тер");
    }

    // ----- helpers -----

    private static char last(String s) {
        return s.charAt(s.length() - 1);
    }

    private static boolean isVowel(char c) {
        return VOWELS.indexOf(c) >= 0;
    }

    private static boolean hasVowel(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isVowel(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** Letters Kazakh writes and Russian does not: a word holding one is Kazakh, wherever it stands. */
    private static final String KAZAKH_ONLY = "әғқңөұүһі";

    /** True when {@code w} (lower case) holds a letter of {@link #KAZAKH_ONLY}. */
    static boolean hasKazakhLetter(String w) {
        for (int i = 0; i < w.length(); i++) {
            if (KAZAKH_ONLY.indexOf(w.charAt(i)) >= 0) {
                return true;
            }
        }
        return false;
    }

    /** Cyrillic letters only (Latin i and ə are tolerated, being common typing substitutes). */
    static boolean isCyrillicWord(String w) {
        boolean cyrillic = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC && Character.isLetter(c)) {
                cyrillic = true;
            } else if (c != 'i' && c != 'ə') {
                return false;
            }
        }
        return cyrillic;
    }

    private static List<String> sortedLongestFirst(List<String> words) {
        List<String> l = new ArrayList<>(words);
        l.sort(Comparator.comparingInt(String::length).reversed());
        return List.copyOf(l);
    }
}
