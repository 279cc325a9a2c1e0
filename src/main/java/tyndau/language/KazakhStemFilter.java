package tyndau.language;

import java.io.IOException;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;

/**
 * Replaces each token by its {@link KazakhStemmer} stem. Tokens marked as keywords (e.g. by a
 * {@link org.apache.lucene.analysis.miscellaneous.SetKeywordMarkerFilter}) are left as they are.
 * Expects lower-cased input; tokens that are not Cyrillic words pass through unchanged.
 */
public final class KazakhStemFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);

    public KazakhStemFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (!input.incrementToken()) {
            return false;
        }
        if (!keywordAtt.isKeyword()) {
            String term = termAtt.toString();
            String stem = KazakhStemmer.stem(term);
            if (!stem.equals(term)) {
                termAtt.setEmpty().append(stem);
            }
        }
        return true;
    }
}
