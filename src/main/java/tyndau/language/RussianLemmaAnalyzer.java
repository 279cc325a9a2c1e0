package tyndau.language;

import java.io.Reader;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Analyzer for Russian: {@link StandardTokenizer}, {@link LowerCaseFilter}, Lucene's Russian stop
 * words, then {@link RussianLemmaFilter}: a word in any case or number becomes its dictionary lemmas,
 * so "Казахстан" finds "Казахстане" and "паводок" finds "паводки" — which Lucene's Snowball stemmer
 * (the {@link RussianAnalyzer} this replaces) split (казахстан → казахста, казахстане → казахстан) or
 * merged (Китая → кит).
 */
public final class RussianLemmaAnalyzer extends StopwordAnalyzerBase {

    public RussianLemmaAnalyzer() {
        super(RussianAnalyzer.getDefaultStopSet());
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
        result = new RussianLemmaFilter(result);
        return new TokenStreamComponents(source, result);
    }

    /** Wildcard and prefix terms are lower-cased only: a prefix is matched against lemmas. */
    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
