package tyndau.language;

import java.io.IOException;
import java.util.List;
import org.apache.lucene.analysis.TokenFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.KeywordAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;

/**
 * Replaces each lower-cased token by its {@link RussianLemmas}; a word with several is followed by the
 * others at the same position (increment 0), so the query parser makes a synonym query of them and a
 * phrase keeps its positions. Keyword-marked tokens pass unchanged.
 */
final class RussianLemmaFilter extends TokenFilter {
    private final CharTermAttribute termAtt = addAttribute(CharTermAttribute.class);
    private final PositionIncrementAttribute incAtt = addAttribute(PositionIncrementAttribute.class);
    private final KeywordAttribute keywordAtt = addAttribute(KeywordAttribute.class);
    private final RussianLemmas lemmas = new RussianLemmas();
    private List<String> pending = List.of();
    private int next;
    private State state;

    RussianLemmaFilter(TokenStream input) {
        super(input);
    }

    @Override
    public boolean incrementToken() throws IOException {
        if (next < pending.size()) {
            restoreState(state);
            termAtt.setEmpty().append(pending.get(next++));
            incAtt.setPositionIncrement(0);
            return true;
        }
        if (!input.incrementToken()) {
            return false;
        }
        if (keywordAtt.isKeyword()) {
            return true;
        }
        List<String> terms = lemmas.of(termAtt.toString());
        termAtt.setEmpty().append(terms.get(0));
        if (terms.size() > 1) {
            pending = terms;
            next = 1;
            state = captureState();
        }
        return true;
    }

    @Override
    public void reset() throws IOException {
        super.reset();
        pending = List.of();
        next = 0;
        state = null;
    }
}
