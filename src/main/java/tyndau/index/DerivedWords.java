package tyndau.index;

import tyndau.language.RussianLemmas;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.search.PrefixQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;

/**
 * {@code word~}: a word in every form, and the words derived from it (Китай~ finds китайский and
 * китаец; Россия~ finds российский and россиянин; Қытай~ finds қытайлық). By default a word finds its
 * own forms only: whether a topic also counts the adjective is the analyst's choice, made visible in
 * the query. In Russian, derived words come from the dictionary (a suffix on the lemma's stem, kept
 * when the dictionary holds the result) and from the lemmas that start with the word's lemma; in the
 * other languages, from the terms that start with the word's stem.
 */
final class DerivedWords {
    /** Shortest stem a prefix is built on (shorter ones match unrelated words). */
    static final int MIN_PREFIX = 4;

    private DerivedWords() {
    }

    /** The query for {@code word~} in the text field {@code field} (matching nothing when the word leaves no term there). */
    static Query query(String field, String word, MultiTermQuery.RewriteMethod rewrite) {
        List<String> terms = firstPosition(field, word);
        if (terms.isEmpty()) {
            return new MatchNoDocsQuery("no term of '" + word + "' in " + field);
        }
        Set<String> exact = new LinkedHashSet<>(terms);
        if ("ru".equals(Analyzers.languageOfField(field))) {
            RussianLemmas lemmas = new RussianLemmas();
            for (String t : terms) {
                exact.addAll(lemmas.derived(t));
            }
        }
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        SynonymQuery.Builder same = new SynonymQuery.Builder(field);
        exact.forEach(t -> same.addTerm(new Term(field, t)));
        b.add(same.build(), BooleanClause.Occur.SHOULD);
        for (String t : terms) {
            if (t.length() >= MIN_PREFIX) {
                b.add(new PrefixQuery(new Term(field, t), rewrite), BooleanClause.Occur.SHOULD);
            }
        }
        return b.build();
    }

    /** The terms the field's analyser makes of the word's first position (a word's several lemmas). */
    private static List<String> firstPosition(String field, String word) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = Analyzers.PER_FIELD.tokenStream(field, word)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                if (position > 0) {
                    break;
                }
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
