package tyndau.language;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import morfologik.stemming.Dictionary;
import morfologik.stemming.DictionaryLookup;
import morfologik.stemming.WordData;

/**
 * What a lower-cased Russian word is indexed as: every lemma the dictionary gives it (a form of two
 * words, such as "стали", is both), or for a word the dictionary does not know (a Kazakh surname, a
 * place such as Шымкент or Синьцзян) the word with each noun case ending it may carry taken off, so
 * that Шымкента, Шымкенте and Шымкентом meet Шымкент. A word with letters only Kazakh writes is a Kazakh
 * word quoted in Russian text and gets the Kazakh stem. "ё" is read as "е" throughout, as most news
 * writes it.
 *
 * <p>The dictionary is the Russian one LanguageTool ships (from AOT's morphology, LGPL), read with
 * morfologik. A lookup object keeps state between calls: one instance per token stream.
 */
public final class RussianLemmas {
    private static final String DICTIONARY_RESOURCE = "/org/languagetool/resource/ru/russian.dict";
    private static final Dictionary DICTIONARY = load();

    /**
     * Case endings of Russian nouns (and of surnames in -ов/-ин, which decline as adjectives in the
     * instrumental and plural), longest first. An unknown word keeps its own form beside each
     * stripped one, so an ending that is really part of the stem costs nothing: Бишимбаев (stripped
     * to бишимба) still meets Бишимбаева (stripped to бишимбаев) through бишимбаев, while the genitive
     * plural релокантов meets релокант.
     */
    private static final String[] ENDINGS = {
        "ами", "ями", "ыми",
        "ом", "ем", "ой", "ей", "ою", "ею", "ам", "ям", "ах", "ях", "ым", "ых", "ов", "ев",
        "а", "я", "у", "ю", "е", "ы", "и", "о", "й", "ь",
    };
    /** Vowels that drop out of a nominative's last syllable in the other cases (-ец, -ок, -ек). */
    private static final String FLEETING = "еоё";
    /** The consonants after which {@link #FLEETING} vowels drop out. */
    private static final String FLEETING_AFTER = "цк";
    /** Letters a stem keeps at least once an ending is taken off (Ош stays Ош). */
    private static final int MIN_STEM = 3;

    private final DictionaryLookup lookup = new DictionaryLookup(DICTIONARY);

    private static Dictionary load() {
        URL url = RussianLemmas.class.getResource(DICTIONARY_RESOURCE);
        if (url == null) {
            throw new IllegalStateException("the Russian dictionary " + DICTIONARY_RESOURCE + " is not on the class path");
        }
        try {
            return Dictionary.read(url);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Russian dictionary", e);
        }
    }

    /**
     * Words already read, shared by every stream: news repeats its words (Zipf), and a dictionary
     * look-up decodes each lemma from KOI8-R, so the cache carries most of the speed. Cleared when full
     * rather than evicted one by one: the common words come back within a few documents.
     */
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();
    private static final int CACHE_MAX = 100_000;

    /** The terms {@code word} (lower case) is indexed and searched as, the first being the main one; never empty. */
    public List<String> of(String word) {
        List<String> cached = CACHE.get(word);
        if (cached != null) {
            return cached;
        }
        List<String> read = List.copyOf(read(word));
        if (CACHE.size() >= CACHE_MAX) {
            CACHE.clear();
        }
        CACHE.put(word, read);
        return read;
    }

    /**
     * Suffixes that make an adjective or a people's name from a noun (китай-ский, кита-ец,
     * росси-йский, росси-янин, паводк-овый, город-ской, област-ной). Candidates built with them are
     * kept only when the dictionary holds them as words of their own.
     */
    private static final String[] DERIVING = {"ский", "ской", "йский", "ийский", "овый", "евый", "овой", "ный", "ной", "ец", "янин", "анин"};

    /**
     * Words the dictionary holds that are derived from the lemma {@code lemma} by a suffix of
     * {@link #DERIVING}, on its stem with a final vowel, -ия or a fleeting vowel taken off.
     */
    public List<String> derived(String lemma) {
        Set<String> stems = new LinkedHashSet<>();
        stems.add(lemma);
        int n = lemma.length();
        if (n > 3 && "аяоеыийь".indexOf(lemma.charAt(n - 1)) >= 0) {
            stems.add(lemma.substring(0, n - 1));
        }
        if (n > 4 && lemma.endsWith("ия")) {
            stems.add(lemma.substring(0, n - 2));
        }
        if (n > 4 && FLEETING.indexOf(lemma.charAt(n - 2)) >= 0 && FLEETING_AFTER.indexOf(lemma.charAt(n - 1)) >= 0) {
            stems.add(lemma.substring(0, n - 2) + lemma.charAt(n - 1));
        }
        List<String> out = new ArrayList<>();
        for (String stem : stems) {
            for (String suffix : DERIVING) {
                String candidate = stem + suffix;
                if (!candidate.equals(lemma) && !out.contains(candidate) && isLemma(candidate)) {
                    out.add(candidate);
                }
            }
        }
        return out;
    }

    private boolean isLemma(String word) {
        for (WordData d : lookup.lookup(word)) {
            CharSequence stem = d.getStem();
            if (stem != null && word.contentEquals(stem)) {
                return true;
            }
        }
        return false;
    }

    /** True when the dictionary knows {@code word} (lower case). */
    public boolean known(String word) {
        return !lookup.lookup(word).isEmpty();
    }

    private List<String> read(String word) {
        if (!cyrillic(word)) {
            return List.of(word);
        }
        if (KazakhStemmer.hasKazakhLetter(word)) {
            return List.of(KazakhStemmer.stem(word));
        }
        List<String> out = new ArrayList<>(2);
        boolean compoundPart = false;
        for (WordData d : lookup.lookup(word)) {
            CharSequence stem = d.getStem();
            if (stem != null && stem.length() > 0) {
                add(out, yo(stem.toString()));
                CharSequence tag = d.getTag();
                compoundPart |= word.contentEquals(stem) && tag != null && tag.toString().startsWith("ADJ:Posit") && word.endsWith("о");
            }
        }
        if (out.isEmpty() || compoundPart) {
            List<String> adjectives = compoundPart(word);
            if (out.isEmpty() && !adjectives.isEmpty()) {
                adjectives.add(yo(word));
                return adjectives;
            }
            adjectives.forEach(a -> add(out, a));
        }
        if (!out.isEmpty()) {
            return out;
        }
        return unknown(yo(word));
    }

    /**
     * The first part of a compound adjective, written with a hyphen and split from it by the
     * tokenizer (российско-китайский, китайско-казахстанский): the adjective it is made from, so it
     * meets российский and китайский in their other forms.
     */
    private List<String> compoundPart(String word) {
        List<String> out = new ArrayList<>(1);
        if (word.length() > 5 && word.endsWith("о")) {
            String stem = word.substring(0, word.length() - 1);
            for (String end : new String[] {"ий", "ый", "ой"}) {
                if (isLemma(stem + end)) {
                    out.add(yo(stem + end));
                }
            }
        }
        return out;
    }

    /** An unknown word, and the word without each case ending it may carry. */
    public static List<String> unknown(String word) {
        List<String> out = new ArrayList<>(3);
        out.add(word);
        for (String e : ENDINGS) {
            if (word.length() - e.length() >= MIN_STEM && word.endsWith(e)) {
                add(out, word.substring(0, word.length() - e.length()));
            }
        }
        int n = word.length();
        if (n - 2 >= MIN_STEM && FLEETING.indexOf(word.charAt(n - 2)) >= 0 && FLEETING_AFTER.indexOf(word.charAt(n - 1)) >= 0) {
            // A fleeting vowel (Смилянец, Смилянца): the nominative without it meets the other cases.
            add(out, word.substring(0, n - 2) + word.charAt(n - 1));
        }
        return out;
    }

    private static void add(List<String> out, String term) {
        if (!out.contains(term)) {
            out.add(term);
        }
    }

    private static String yo(String s) {
        return s.indexOf('ё') < 0 ? s : s.replace('ё', 'е');
    }

    /** True when every letter is Cyrillic (digits and other scripts are indexed as written). */
    static boolean cyrillic(String word) {
        boolean letter = false;
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC) {
                letter = true;
            } else if (Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return letter;
    }
}
