package tyndau.index;

import tyndau.language.EnglishFormsAnalyzer;
import tyndau.language.Initials;
import tyndau.language.KazakhAnalyzer;
import tyndau.language.RussianLemmaAnalyzer;
import tyndau.language.RussianLemmas;

import java.io.Reader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.core.KeywordAnalyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tr.TurkishAnalyzer;

/**
 * The analyser of each language the index stems, and the text field each language is indexed in.
 * A document's text goes to the field of its language (Russian to dictionary lemmas, Kazakh, English
 * and Turkish stemmed) and to {@link IndexSchema#TEXT_ANY} (lower-cased words only), so a query term
 * matches every form in its language and exact forms in any document, e.g. a Russian quotation
 * inside a Kazakh article; {@code =word} asks for that exact form alone (QueryLanguage).
 */
public final class Analyzers {
    /**
     * Changes whenever an analyser's output or the indexed fields change (terms-3: Russian by dictionary lemma, issue 26;
     * terms-4: copy keys, IndexSchema#BAND;
     * terms-5: events, IndexSchema#EVENT).
     * It is part of the analysis version the index is committed with, so an index built with other
     * terms is rebuilt from the database on start, with progress (Reindexer).
     */
    public static final String VERSION = "terms-5";

    /** Languages with a stemming analyser, in the order their fields are queried. */
    public static final List<String> STEMMED = List.of("kk", "ru", "en", "tr");

    private static final Map<String, Analyzer> BY_LANGUAGE = new LinkedHashMap<>();

    static {
        BY_LANGUAGE.put("kk", new KazakhAnalyzer());
        BY_LANGUAGE.put("ru", new RussianLemmaAnalyzer());
        BY_LANGUAGE.put("en", new EnglishFormsAnalyzer());
        BY_LANGUAGE.put("tr", new TurkishAnalyzer());
    }

    private static final Analyzer ANY = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String fieldName) {
            Tokenizer source = new StandardTokenizer();
            return new TokenStreamComponents(source, new LowerCaseFilter(source));
        }

        @Override
        protected Reader initReader(String fieldName, Reader reader) {
            return Initials.split(reader);
        }

        @Override
        protected TokenStream normalize(String fieldName, TokenStream in) {
            return new LowerCaseFilter(in);
        }
    };

    private static final Analyzer KEYWORD = new KeywordAnalyzer();

    /** Routes each field to its analyser: {@code text_kk} to Kazakh, keyword fields untouched, the rest standard. */
    public static final Analyzer PER_FIELD = new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
        @Override
        protected Analyzer getWrappedAnalyzer(String fieldName) {
            if (IndexSchema.KEYWORD_FIELDS.contains(fieldName)) {
                return KEYWORD;
            }
            String lang = languageOfField(fieldName);
            return lang == null ? ANY : BY_LANGUAGE.get(lang);
        }
    };

    private Analyzers() {
    }

    /** The stemmed text field of a language, or null when the language has no stemmer. */
    public static String fieldOf(String language) {
        return language != null && BY_LANGUAGE.containsKey(language) ? IndexSchema.TEXT_PREFIX + language : null;
    }

    static String languageOfField(String field) {
        if (field.startsWith(IndexSchema.TEXT_PREFIX)) {
            String lang = field.substring(IndexSchema.TEXT_PREFIX.length());
            return BY_LANGUAGE.containsKey(lang) ? lang : null;
        }
        return null;
    }

    /** Whether {@code language}'s dictionary knows {@code word} (only Russian is read with a dictionary). */
    public static boolean inDictionary(String language, String word) {
        return "ru".equals(language) && new RussianLemmas().known(word.toLowerCase(java.util.Locale.ROOT));
    }

    /** Every text field a free-text query is expanded over. */
    public static String[] textFields() {
        String[] out = new String[STEMMED.size() + 1];
        for (int i = 0; i < STEMMED.size(); i++) {
            out[i] = IndexSchema.TEXT_PREFIX + STEMMED.get(i);
        }
        out[STEMMED.size()] = IndexSchema.TEXT_ANY;
        return out;
    }
}
