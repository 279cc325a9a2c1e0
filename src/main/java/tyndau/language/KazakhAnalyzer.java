package tyndau.language;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.WordlistLoader;
import org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.util.IOUtils;

/**
 * Analyzer for Kazakh (Cyrillic script): {@link StandardTokenizer}, {@link LowerCaseFilter}, a
 * short list of very common function words ({@code kazakh-stopwords.txt}), then
 * {@link KazakhStemFilter}. Latin words and numbers are only lower-cased. Words in the optional
 * stem exclusion set are indexed lower-cased but unstemmed.
 */
public final class KazakhAnalyzer extends StopwordAnalyzerBase {
    /** The stop word list, a resource next to this class. */
    public static final String DEFAULT_STOPWORD_FILE = "kazakh-stopwords.txt";

    private final CharArraySet stemExclusionSet;

    /** The default stop words. */
    public static CharArraySet getDefaultStopSet() {
        return DefaultSetHolder.DEFAULT_STOP_SET;
    }

    private static final class DefaultSetHolder {
        static final CharArraySet DEFAULT_STOP_SET;

        static {
            try (Reader reader = IOUtils.getDecodingReader(
                    IOUtils.requireResourceNonNull(KazakhAnalyzer.class.getResourceAsStream(DEFAULT_STOPWORD_FILE), DEFAULT_STOPWORD_FILE),
                    StandardCharsets.UTF_8)) {
                DEFAULT_STOP_SET = CharArraySet.unmodifiableSet(WordlistLoader.getWordSet(reader, "#"));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot load " + DEFAULT_STOPWORD_FILE, e);
            }
        }
    }

    public KazakhAnalyzer() {
        this(DefaultSetHolder.DEFAULT_STOP_SET);
    }

    public KazakhAnalyzer(CharArraySet stopwords) {
        this(stopwords, CharArraySet.EMPTY_SET);
    }

    public KazakhAnalyzer(CharArraySet stopwords, CharArraySet stemExclusionSet) {
        super(stopwords);
        this.stemExclusionSet = CharArraySet.unmodifiableSet(CharArraySet.copy(stemExclusionSet));
    }

    /** Initials glued to a surname (Б.Обама) are read as words of their own (Initials.split). */
    @Override
    protected Reader initReader(String fieldName, Reader reader) {
        return Initials.split(reader);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new LowerCaseFilter(source);
        result = new StopFilter(result, stopwords);
        if (!stemExclusionSet.isEmpty()) {
            result = new SetKeywordMarkerFilter(result, stemExclusionSet);
        }
        result = new KazakhStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    /** Lower-cases wildcard, prefix, fuzzy and range terms, which are not stemmed. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
