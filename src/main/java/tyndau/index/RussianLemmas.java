package tyndau.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.ArrayList;
import java.util.List;
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
final class RussianLemmas {
    private static final String DICTIONARY_RESOURCE = "/org/languagetool/resource/ru/russian.dict";
    private static final Dictionary DICTIONARY = load();

    /**
     * Case endings of Russian nouns (and of surnames in -ов/-ин, which decline as adjectives in the
     * instrumental and plural), longest first. Genitive plural -ов/-ев is left out on purpose: it is
     * also how a surname's nominative ends (Бишимбаев), and taking it off would part that from its
     * other cases.
     */
    private static final String[] ENDINGS = {
        "ами", "ями", "ыми",
        "ом", "ем", "ой", "ей", "ою", "ею", "ам", "ям", "ах", "ях", "ым", "ых",
        "а", "я", "у", "ю", "е", "ы", "и", "о", "й", "ь",
    };
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

    /** The terms {@code word} (lower case) is indexed and searched as, the first being the main one; never empty. */
    List<String> of(String word) {
        if (!cyrillic(word)) {
            return List.of(word);
        }
        if (KazakhStemmer.hasKazakhLetter(word)) {
            return List.of(KazakhStemmer.stem(word));
        }
        List<String> out = new ArrayList<>(2);
        for (WordData d : lookup.lookup(word)) {
            CharSequence stem = d.getStem();
            if (stem != null && stem.length() > 0) {
                add(out, yo(stem.toString()));
            }
        }
        if (!out.isEmpty()) {
            return out;
        }
        return unknown(yo(word));
    }

    /** An unknown word, and the word without each case ending it may carry. */
    static List<String> unknown(String word) {
        List<String> out = new ArrayList<>(3);
        out.add(word);
        for (String e : ENDINGS) {
            if (word.length() - e.length() >= MIN_STEM && word.endsWith(e)) {
                add(out, word.substring(0, word.length() - e.length()));
            }
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
