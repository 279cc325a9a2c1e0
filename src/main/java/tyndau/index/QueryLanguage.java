package tyndau.index;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.queryparser.classic.MultiFieldQueryParser;
import org.apache.lucene.queryparser.classic.ParseException;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;

/**
 * Lucene classic query syntax over Tyndau's index: free text is expanded over every language's
 * text field (each analysed by its own analyser, so "Ресей" finds "Ресейге" and "Россия" finds
 * "России"); {@code source:}, {@code lang:}, {@code side:}, {@code role:} match whole values;
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

    /** Parses {@code q}; blank means every document. {@code and} makes space-separated terms all required. */
    public static Query parse(String q, boolean and) throws InvalidQuery {
        if (q == null || q.isBlank()) {
            return new MatchAllDocsQuery();
        }
        Parser p = new Parser();
        p.setDefaultOperator(and ? QueryParser.Operator.AND : QueryParser.Operator.OR);
        p.setAllowLeadingWildcard(false);
        p.setSplitOnWhitespace(true);
        try {
            return p.parse(q);
        } catch (ParseException e) {
            throw new InvalidQuery(describe(e, q));
        } catch (IndexSearcher.TooManyClauses e) {
            throw new InvalidQuery("the query expands to too many terms; make wildcards longer");
        }
    }

    private static String describe(ParseException e, String q) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (e.currentToken != null && e.currentToken.next != null) {
            var t = e.currentToken.next;
            return "syntax error at column " + t.beginColumn + " near '" + (t.image == null || t.image.isEmpty() ? "end of query" : t.image) + "'";
        }
        int cut = m.indexOf(": ");
        return cut > 0 && m.startsWith("Cannot parse") ? m.substring(cut + 2).split("\n")[0] : m.split("\n")[0];
    }

    private static final class Parser extends MultiFieldQueryParser {
        Parser() {
            super(Analyzers.textFields(), Analyzers.PER_FIELD);
        }

        @Override
        protected Query getFieldQuery(String field, String queryText, boolean quoted) throws ParseException {
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
            return super.getRangeQuery(alias(field), part1, part2, startInclusive, endInclusive);
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
