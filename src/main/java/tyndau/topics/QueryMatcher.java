package tyndau.topics;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.MatchNoDocsQuery;
import org.apache.lucene.search.MultiPhraseQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.PointRangeQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SynonymQuery;
import org.apache.lucene.search.TermQuery;
import tyndau.index.DocumentTerms;
import tyndau.index.IndexSchema;

/**
 * A topic query compiled to a test on one document's {@link DocumentTerms}: the same answer Lucene
 * gives for terms, a word's several lemmas (synonym queries), exact phrases (with alternatives at a
 * position), boolean clauses (MUST, FILTER, SHOULD with minimum-should-match, MUST_NOT) and
 * publication ranges, without building an index per document or rewriting the query
 * per document. A query with anything else (wildcards, fuzzy terms, sloppy phrases...) does not
 * compile, and is run the slow way against a MemoryIndex.
 */
public final class QueryMatcher {
    private final Node root;

    private QueryMatcher(Node root) {
        this.root = root;
    }

    /** The compiled query, or empty when it uses something only Lucene itself can run. */
    public static Optional<QueryMatcher> compile(Query query) {
        try {
            return Optional.of(new QueryMatcher(node(query)));
        } catch (Unsupported e) {
            return Optional.empty();
        }
    }

    /** Whether the whole document matches. */
    public boolean matches(DocumentTerms doc) {
        return root.matches(doc, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    /** Whether the text from offset {@code from} (inclusive) to {@code to} (exclusive) matches on its own. */
    public boolean matches(DocumentTerms doc, int from, int to) {
        return root.matches(doc, from, to);
    }

    private interface Node {
        boolean matches(DocumentTerms doc, int from, int to);
    }

    private static final class Unsupported extends Exception {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private static Node node(Query q) throws Unsupported {
        if (q instanceof BoostQuery b) {
            return node(b.getQuery());
        }
        if (q instanceof ConstantScoreQuery c) {
            return node(c.getQuery());
        }
        if (q instanceof MatchAllDocsQuery) {
            return (doc, from, to) -> true;
        }
        if (q instanceof MatchNoDocsQuery) {
            return (doc, from, to) -> false;
        }
        if (q instanceof TermQuery t) {
            String field = t.getTerm().field();
            String text = t.getTerm().text();
            return (doc, from, to) -> doc.has(field, text, from, to);
        }
        if (q instanceof SynonymQuery s) {
            // One word with several lemmas ("стали": сталь, стать): any of them.
            List<Term> terms = s.getTerms();
            String field = terms.isEmpty() ? null : terms.get(0).field();
            String[] texts = terms.stream().map(Term::text).toArray(String[]::new);
            return (doc, from, to) -> {
                for (String text : texts) {
                    if (doc.has(field, text, from, to)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (q instanceof PhraseQuery p) {
            return phrase(p);
        }
        if (q instanceof MultiPhraseQuery p) {
            return phrase(p);
        }
        if (q instanceof PointRangeQuery r && IndexSchema.PUBLISHED.equals(r.getField()) && r.getNumDims() == 1) {
            long min = LongPoint.decodeDimension(r.getLowerPoint(), 0);
            long max = LongPoint.decodeDimension(r.getUpperPoint(), 0);
            return (doc, from, to) -> doc.published() != null && doc.published().toEpochMilli() >= min
                    && doc.published().toEpochMilli() <= max;
        }
        if (q instanceof BooleanQuery b) {
            return bool(b);
        }
        throw new Unsupported();
    }

    private static Node phrase(PhraseQuery p) throws Unsupported {
        Term[] terms = p.getTerms();
        if (p.getSlop() != 0 || terms.length == 0) {
            throw new Unsupported();
        }
        Term[][] alternatives = new Term[terms.length][];
        for (int i = 0; i < terms.length; i++) {
            alternatives[i] = new Term[] {terms[i]};
        }
        return phrase(alternatives, p.getPositions());
    }

    /** A phrase with a word of several lemmas: any of them at its position. */
    private static Node phrase(MultiPhraseQuery p) throws Unsupported {
        if (p.getSlop() != 0 || p.getTermArrays().length == 0) {
            throw new Unsupported();
        }
        return phrase(p.getTermArrays(), p.getPositions());
    }

    private static Node phrase(Term[][] alternatives, int[] positions) {
        String field = alternatives[0][0].field();
        String[][] texts = new String[alternatives.length][];
        for (int i = 0; i < alternatives.length; i++) {
            texts[i] = java.util.Arrays.stream(alternatives[i]).map(Term::text).toArray(String[]::new);
        }
        return (doc, from, to) -> doc.phrase(field, texts, positions, from, to);
    }

    private static Node bool(BooleanQuery b) throws Unsupported {
        List<Node> required = new ArrayList<>();
        List<Node> optional = new ArrayList<>();
        List<Node> prohibited = new ArrayList<>();
        for (BooleanClause c : b.clauses()) {
            Node n = node(c.getQuery());
            switch (c.getOccur()) {
                case MUST, FILTER -> required.add(n);
                case SHOULD -> optional.add(n);
                case MUST_NOT -> prohibited.add(n);
            }
        }
        int minShould = b.getMinimumNumberShouldMatch() > 0 ? b.getMinimumNumberShouldMatch() : required.isEmpty() ? 1 : 0;
        Node[] req = required.toArray(Node[]::new);
        Node[] opt = optional.toArray(Node[]::new);
        Node[] not = prohibited.toArray(Node[]::new);
        return (doc, from, to) -> {
            for (Node n : req) {
                if (!n.matches(doc, from, to)) {
                    return false;
                }
            }
            int should = 0;
            for (int i = 0; i < opt.length && should < minShould; i++) {
                if (opt[i].matches(doc, from, to)) {
                    should++;
                }
            }
            if (should < minShould) {
                return false;
            }
            for (Node n : not) {
                if (n.matches(doc, from, to)) {
                    return false;
                }
            }
            return true;
        };
    }
}
