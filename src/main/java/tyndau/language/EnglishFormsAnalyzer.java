package tyndau.language;

import java.io.IOException;
import java.util.Map;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.StopwordAnalyzerBase;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;

/**
 * Lucene's {@link EnglishAnalyzer} chain (possessive, lower case, stop words, Porter), with the
 * irregular plurals Porter cannot reach sent to their singular's stem first: "child" finds
 * "children", "woman" finds "women".
 */
public final class EnglishFormsAnalyzer extends StopwordAnalyzerBase {
    /** Irregular plural → singular. Only nouns whose plural is not also another common word. */
    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("children", "child"), Map.entry("women", "woman"), Map.entry("men", "man"),
            Map.entry("feet", "foot"), Map.entry("teeth", "tooth"), Map.entry("mice", "mouse"), Map.entry("geese", "goose"),
            Map.entry("wives", "wife"), Map.entry("knives", "knife"), Map.entry("wolves", "wolf"), Map.entry("thieves", "thief"),
            Map.entry("halves", "half"), Map.entry("shelves", "shelf"), Map.entry("loaves", "loaf"),
            Map.entry("policemen", "policeman"), Map.entry("policewomen", "policewoman"),
            Map.entry("spokesmen", "spokesman"), Map.entry("spokeswomen", "spokeswoman"),
            Map.entry("chairmen", "chairman"), Map.entry("businessmen", "businessman"), Map.entry("gunmen", "gunman"),
            Map.entry("congressmen", "congressman"), Map.entry("servicemen", "serviceman"), Map.entry("firemen", "fireman"),
            Map.entry("criteria", "criterion"), Map.entry("phenomena", "phenomenon"), Map.entry("crises", "crisis"),
            Map.entry("analyses", "analysis"), Map.entry("theses", "thesis"), Map.entry("hypotheses", "hypothesis"));

    public EnglishFormsAnalyzer() {
        super(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    }

    /** Puts an irregular plural in its singular, which Porter then stems as it stems the singular. */
    private static final class IrregularPlurals extends TokenFilter {
        private final CharTermAttribute term = addAttribute(CharTermAttribute.class);

        IrregularPlurals(TokenStream in) {
            super(in);
        }

        @Override
        public boolean incrementToken() throws IOException {
            if (!input.incrementToken()) {
                return false;
            }
            String singular = IRREGULAR.get(term.toString());
            if (singular != null) {
                term.setEmpty().append(singular);
            }
            return true;
        }
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream result = new EnglishPossessiveFilter(source);
        result = new LowerCaseFilter(result);
        result = new StopFilter(result, stopwords);
        result = new IrregularPlurals(result);
        result = new PorterStemFilter(result);
        return new TokenStreamComponents(source, result);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }
}
