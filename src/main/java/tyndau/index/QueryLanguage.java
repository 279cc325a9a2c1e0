package tyndau.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.search.MultiTermQuery;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * Lucene classic query syntax over Tyndau's index: free text is expanded over every language's
 * text field (each analysed by its own analyser, so a word in any form finds every form of it:
 * "Ресей" finds "Ресейге", "Казахстане" finds "Казахстан"); {@code =Казахстане} finds that form
 * only; {@code Китай~} also finds the words derived from it (китайский, китаец); {@code Китай*} matches
 * the lemmas and stems that start so;
 * {@code source:}, {@code lang:}, {@code side:}, {@code role:} match whole values;
 * {@code published:[2023-01-01 TO 2023-02-01]} is a date range (UTC days, end inclusive).
 */
public final class QueryLanguage {

    private QueryLanguage() {
    }

    /** A query that failed to parse: the message says where. */
    public static final class InvalidQuery extends Exception {
        InvalidQuery(String message) {
            super(message);
        }
    }

    /** Marks a word to be matched in exactly this form ({@code =Казахстане}), not in every form of it. */
    public static final char EXACT = '=';
    /** Longest query accepted, in characters. */
    public static final int MAX_CHARS = 2000;
    /** Characters a wildcard or prefix term must start with before its first * or ?. */
    public static final int MIN_WILDCARD_PREFIX = 2;
    /** Terms a wildcard or prefix term expands to at most (the most frequent are kept). */
    public static final int MAX_EXPANSIONS = 128;

    /**
     * Parses {@code q}; blank means every document. {@code and} makes space-separated terms all
     * required. What could exhaust the server is refused with the reason: regular expressions and
     * fuzzy matching (an automaton built from {@code /(ab){0,2147483647}/} fills the heap; {@code /.*x/}
     * and fuzzy terms walk the whole term dictionary of five language fields; {@code word~} means
     * derived words instead), wildcards that do not
     * start with {@link #MIN_WILDCARD_PREFIX} letters, longer queries than {@link #MAX_CHARS}; a
     * wildcard keeps its {@link #MAX_EXPANSIONS} most frequent terms. Every failure is an
     * {@link InvalidQuery}, never another exception.
     */
    public static Query parse(String q, boolean and) throws InvalidQuery {
        if (q == null || q.isBlank()) {
            return new MatchAllDocsQuery();
        }
        if (q.length() > MAX_CHARS) {
            throw new InvalidQuery("the query is longer than " + MAX_CHARS + " characters");
        }
        Parser p = new Parser();
        p.setDefaultOperator(and ? QueryParser.Operator.AND : QueryParser.Operator.OR);
        p.setAllowLeadingWildcard(false);
        p.setSplitOnWhitespace(true);
        p.setMultiTermRewriteMethod(new MultiTermQuery.TopTermsBlendedFreqScoringRewrite(MAX_EXPANSIONS));
        try {
            return p.parse(q);
        } catch (ParseException e) {
            throw new InvalidQuery(describe(e, q));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQuery("the query expands to too many terms; make wildcards longer");
        } catch (RuntimeException e) {
            // The classic parser throws more than ParseException on odd input (e.g. from automata).
            throw new InvalidQuery("the query cannot be read: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
        }
    }

    private static String describe(ParseException e, String q) {
        if (e.getCause() instanceof ParseException refused && refused.currentToken == null && refused.getMessage() != null) {
            return refused.getMessage();
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e.currentToken != null && e.currentToken.next != null) {
            var t = e.currentToken.next;
            String where = t.beginLine > 1 ? "line " + t.beginLine + ", column " + t.beginColumn : "column " + t.beginColumn;
            return "syntax error at " + where + " near '" + (t.image == null || t.image.isEmpty() ? "end of query" : t.image) + "'";
        }
        int cut = m.indexOf(": ");
        return cut > 0 && m.startsWith("Cannot parse") ? m.substring(cut + 2).split("\n")[0] : m.split("\n")[0];
    }

    private static final class Parser extends MultiFieldQueryParser {
        /** What the parser passes for a bare {@code ~} (no number): a value nobody types, so {@code word~2} stays apart. */
        private static final float BARE_TILDE = 0.0123f;

        Parser() {
            super(Analyzers.textFields(), Analyzers.PER_FIELD);
            setFuzzyMinSim(BARE_TILDE);
        }

        @Override
        protected Query getRegexpQuery(String field, String termStr) throws ParseException {
            throw new ParseException("regular expressions (/.../) are not supported; put text with slashes in quotes");
        }

        /** {@code word~} asks for the word and the words derived from it ({@link DerivedWords}); Lucene's fuzzy matching is not offered. */
        @Override
        protected Query getFuzzyQuery(String field, String termStr, float minSimilarity) throws ParseException {
            if (minSimilarity != BARE_TILDE) {
                throw new ParseException("fuzzy terms (word~2) are not supported; list the spellings you want instead (word~ alone"
                        + " asks for the words derived from it)");
            }
            if (field == null || "text".equals(field)) {
                return super.getFuzzyQuery(null, termStr, minSimilarity);
            }
            if (Analyzers.languageOfField(field) == null && !IndexSchema.TEXT_ANY.equals(field)) {
                throw new ParseException("word~ applies to text, not to " + field + ":");
            }
            return DerivedWords.query(field, termStr, getMultiTermRewriteMethod());
        }

        @Override
        protected Query getWildcardQuery(String field, String termStr) throws ParseException {
            checkWildcard(termStr);
            return super.getWildcardQuery(field, termStr);
        }

        @Override
        protected Query getPrefixQuery(String field, String termStr) throws ParseException {
            checkWildcard(termStr + "*");
            return super.getPrefixQuery(field, termStr);
        }

        private static void checkWildcard(String term) throws ParseException {
            int first = term.length();
            for (int i = 0; i < term.length(); i++) {
                char c = term.charAt(i);
                if (c == '*' || c == '?') {
                    first = i;
                    break;
                }
            }
            if (first < MIN_WILDCARD_PREFIX) {
                throw new ParseException("a wildcard needs at least " + MIN_WILDCARD_PREFIX + " letters before its first * or ?: '"
                        + term + "'");
            }
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
            if (!quoted && queryText.length() > 1 && queryText.charAt(0) == EXACT && (field == null || "text".equals(field))) {
                // The exact form, in any document: the lower-cased words of TEXT_ANY, never lemmatised.
                Query exact = new QueryBuilder(Analyzers.PER_FIELD).createPhraseQuery(IndexSchema.TEXT_ANY, queryText.substring(1));
                if (exact == null) {
                    throw new ParseException("'" + queryText + "' has no word to match exactly");
                }
                return exact;
            }
            return super.getFieldQuery(alias(field), queryText, quoted);
        }

        @Override
        protected Query getRangeQuery(String field, String part1, String part2, boolean startInclusive, boolean endInclusive)
                throws ParseException {
            if (IndexSchema.PUBLISHED.equals(field)) {
                long from = part1 == null || "*".equals(part1) ? Long.MIN_VALUE : time(part1, false, startInclusive);
                long to = part2 == null || "*".equals(part2) ? Long.MAX_VALUE : time(part2, true, endInclusive);
                return LongPoint.newRangeQuery(IndexSchema.PUBLISHED, from, to);
            }
            // A range of words walks the whole term dictionary of every text field, outside any time limit.
            throw new ParseException("ranges apply to published: only (published:[2023-01-01 TO 2023-02-01]), not to "
                    + (field == null || "text".equals(field) ? "words" : field + ":"));
        }

        private static String alias(String field) {
            return "text".equals(field) ? null : field;
        }

        private static long time(String value, boolean end, boolean inclusive) throws ParseException {
            Optional<Instant> t = parseDay(value, end);
            if (t.isEmpty()) {
                throw new ParseException("'" + value + "' is not a date (YYYY-MM-DD) or ISO-8601 instant");
            }
            long ms = t.get().toEpochMilli();
            return inclusive ? ms : (end ? ms - 1 : ms + 1);
        }
    }

    /** A day (start, or end when {@code end}: its last millisecond) or an ISO instant. */
    public static Optional<Instant> parseDay(String value, boolean end) {
        try {
            LocalDate d = LocalDate.parse(value);
            return Optional.of(end ? d.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusMillis(1)
                    : d.atStartOfDay(ZoneOffset.UTC).toInstant());
        } catch (RuntimeException notADay) {
            try {
                return Optional.of(Instant.parse(value));
            } catch (RuntimeException notAnInstant) {
                return Optional.empty();
            }
        }
    }
}
