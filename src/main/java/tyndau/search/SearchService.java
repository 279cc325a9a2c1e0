package tyndau.search;

import tyndau.document.Documents;


import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.index.QueryTimeoutImpl;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import tyndau.document.Document;
import tyndau.index.Analyzers;
import tyndau.document.ToneReading;
import tyndau.index.IndexSchema;
import tyndau.index.LuceneIndex;
import tyndau.index.MatchedForms;
import tyndau.index.QueryLanguage;
import tyndau.source.Source;
import tyndau.topics.TopicService;
import tyndau.http.ApiException;
import tyndau.document.DocumentRow;

/** Full-text search with filters, relevance or date order, highlights and facets. */
@ApplicationScoped
public class SearchService {
    static final int MAX_SIZE = 100;
    /** Topics come first, from the topics stored at indexing (one pass, not one count per topic). */
    private static final List<String> FACET_FIELDS = List.of(IndexSchema.TOPIC, IndexSchema.SOURCE, IndexSchema.LANG, IndexSchema.SIDE,
            IndexSchema.ROLE, IndexSchema.TONE_LABEL);

    private final LuceneIndex index;
    private final tyndau.document.DocumentRows rows;
    private final TopicService topics;
    private final SearchConfig config;
    /** Turns of {@link SearchConfig#maxConcurrent}: searches and previews running now. */
    private final java.util.concurrent.Semaphore running;

    SearchService(LuceneIndex index, TopicService topics, SearchConfig config, tyndau.document.DocumentRows rows) {
        this.rows = rows;
        this.index = index;
        this.topics = topics;
        this.config = config;
        this.running = new java.util.concurrent.Semaphore(config.maxConcurrent());
    }

    /**
     * Runs {@code work} in one of the {@link SearchConfig#maxConcurrent} turns of expensive reads, waiting up to
     * {@link SearchConfig#maxWait} for one (a burst of readers queues; a flood gets a 503 with Retry-After).
     */
    public <T> T inTurn(java.util.function.Supplier<T> work) {
        boolean turn;
        try {
            turn = running.tryAcquire(config.maxWait().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            throw ApiException.unavailable("at most " + config.maxConcurrent() + " searches and previews run at once"
                    + " (tyndau.search.max-concurrent), and none ended within " + config.maxWait().toSeconds()
                    + " s (tyndau.search.max-wait); try again shortly", 2);
        }
        try {
            return work.get();
        } finally {
            running.release();
        }
    }

    /**
     * The query with its wildcards and derived words expanded into the terms they stand for on the current index,
     * within the search time limit: the expansion walks the term dictionary, outside the limit that scoring has, so
     * the reader under it stops at the deadline (a 503 then). What comes back is made of plain terms: searching,
     * counting, faceting and highlighting it walk no dictionary again.
     */
    public Query expand(Query query) {
        return index.withSearcher(shared -> expandWithin((org.apache.lucene.index.DirectoryReader) shared.getIndexReader(), query,
                new QueryTimeoutImpl(config.timeout().toMillis()), config.timeout()));
    }

    /** {@link #expand} on {@code reader}, stopping when {@code deadline} says so ({@code limit} names it in the 503). */
    static Query expandWithin(org.apache.lucene.index.DirectoryReader reader, Query query, org.apache.lucene.index.QueryTimeout deadline,
                              java.time.Duration limit) throws IOException {
        IndexSearcher bounded = new IndexSearcher(new org.apache.lucene.index.ExitableDirectoryReader(reader, deadline));
        try {
            return bounded.rewrite(query);
        } catch (org.apache.lucene.index.ExitableDirectoryReader.ExitingReaderException e) {
            throw ApiException.unavailable("the query's wildcards took longer than " + limit.toSeconds()
                    + " s to expand; make them longer or fewer", 5);
        }
    }

    /** The filters of a request as one query (the free text is a MUST clause, the rest FILTER). */
    public Query query(SearchRequest r) {
        BooleanQuery.Builder b = new BooleanQuery.Builder();
        try {
            b.add(QueryLanguage.parse(r.q(), true), BooleanClause.Occur.MUST);
        } catch (QueryLanguage.InvalidQuery e) {
            throw ApiException.badRequest("'q' is not valid query syntax: " + e.getMessage());
        }
        if (notBlank(r.topic())) {
            TopicService.Compiled t = topics.byId(r.topic())
                    .orElseThrow(() -> ApiException.badRequest("no topic '" + r.topic() + "'"));
            b.add(t.query(), BooleanClause.Occur.FILTER);
        }
        term(b, IndexSchema.SIDE, r.side());
        term(b, IndexSchema.ROLE, r.role());
        term(b, IndexSchema.LANG, r.lang());
        term(b, IndexSchema.SOURCE, r.source());
        term(b, IndexSchema.TONE_LABEL, r.tone());
        if (notBlank(r.from()) || notBlank(r.to())) {
            long from = notBlank(r.from()) ? day(r.from(), false, "from") : Long.MIN_VALUE;
            long to = notBlank(r.to()) ? day(r.to(), true, "to") : Long.MAX_VALUE;
            b.add(LongPoint.newRangeQuery(IndexSchema.PUBLISHED, from, to), BooleanClause.Occur.FILTER);
        }
        return b.build();
    }

    public SearchAnswer search(SearchRequest r) {
        tyndau.http.Page.check(r.page(), r.size(), MAX_SIZE);
        String sort = r.sort() == null || r.sort().isBlank() ? (notBlank(r.q()) ? "relevance" : "date") : r.sort().toLowerCase(Locale.ROOT);
        if (!sort.equals("relevance") && !sort.equals("date")) {
            throw ApiException.badRequest("'sort' is relevance or date");
        }
        Query parsed = query(r);
        int n = r.page() * r.size();
        return inTurn(() -> searchExpanded(r, sort, expand(parsed), n));
    }

    private SearchAnswer searchExpanded(SearchRequest r, String sort, Query query, int n) {
        return index.withSearcher(shared -> {
            // A searcher of its own over the same reader: the time limit belongs to this request only.
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setSimilarity(shared.getSimilarity());
            searcher.setTimeout(new QueryTimeoutImpl(config.timeout().toMillis()));
            TopDocs top = sort.equals("date")
                    ? searcher.search(query, n, newestFirst(), true)
                    : searcher.search(query, n);
            ScoreDoc[] all = top.scoreDocs;
            int start = Math.min((r.page() - 1) * r.size(), all.length);
            ScoreDoc[] page = java.util.Arrays.copyOfRange(all, start, all.length);
            Map<String, Map<String, Long>> facets = new LinkedHashMap<>(searcher.search(query, new FacetCounts(FACET_FIELDS)));
            Map<String, Map<String, Long>> named = new LinkedHashMap<>();
            facets.forEach((k, v) -> named.put(k.equals(IndexSchema.LANG) ? "language" : k.equals(IndexSchema.TONE_LABEL) ? "toneLabel" : k, v));
            // TopDocs counts exactly only up to a threshold; the total must be exact.
            long total = searcher.count(query);
            return new SearchAnswer(total, r.page(), r.size(), sort, hits(shared, query, page), named, searcher.timedOut());
        });
    }

    /**
     * What a query catches: its total, counts per language and side, the newest few per language with
     * highlights, and per language the word forms it matched in that language's newest documents.
     */
    public record Summary(long total, Map<String, Long> byLanguage, Map<String, Long> bySide,
                         Map<String, List<SearchAnswer.Hit>> samples, Map<String, List<MatchedForms.Form>> forms, boolean partial) {
    }

    /** Documents per language whose matched word forms are counted. */
    static final int FORMS_FROM = 200;
    /** Forms listed per language. */
    static final int FORMS_LISTED = 12;

    /** Summarises {@code query} within the time limit; {@code perLanguage} samples for each of {@code languages}. */
    public Summary summarize(Query query, List<String> languages, int perLanguage) {
        return index.withSearcher(shared -> {
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            searcher.setSimilarity(shared.getSimilarity());
            searcher.setTimeout(new QueryTimeoutImpl(config.timeout().toMillis()));
            Map<String, Map<String, Long>> facets = searcher.search(query, new FacetCounts(List.of(IndexSchema.LANG, IndexSchema.SIDE)));
            long total = searcher.count(query);
            // The newest of each language, then one pass for them all: one highlighter, one database read.
            List<ScoreDoc> newest = new ArrayList<>();
            Map<String, List<MatchedForms.Form>> forms = new LinkedHashMap<>();
            for (String lang : languages) {
                Query inLanguage = new BooleanQuery.Builder().add(query, BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term(IndexSchema.LANG, lang)), BooleanClause.Occur.FILTER).build();
                ScoreDoc[] top = searcher.search(inLanguage, Math.max(perLanguage, FORMS_FROM), newestFirst(), true).scoreDocs;
                newest.addAll(List.of(top).subList(0, Math.min(perLanguage, top.length)));
                forms.put(lang, MatchedForms.of(searcher, query, java.util.Arrays.stream(top).mapToInt(d -> d.doc).toArray(), FORMS_LISTED));
            }
            Map<String, List<SearchAnswer.Hit>> samples = new LinkedHashMap<>();
            languages.forEach(lang -> samples.put(lang, new ArrayList<>()));
            for (SearchAnswer.Hit h : hits(shared, query, newest.toArray(ScoreDoc[]::new))) {
                List<SearchAnswer.Hit> of = samples.get(h.language());
                if (of != null) {
                    of.add(h);
                }
            }
            return new Summary(total, facets.getOrDefault(IndexSchema.LANG, Map.of()), facets.getOrDefault(IndexSchema.SIDE, Map.of()),
                    samples, forms, searcher.timedOut());
        });
    }

    private List<SearchAnswer.Hit> hits(IndexSearcher searcher, Query query, ScoreDoc[] page) throws IOException {
        if (page.length == 0) {
            return List.of();
        }
        int[] docIds = new int[page.length];
        List<Long> ids = new ArrayList<>();
        List<List<String>> topicsOf = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            docIds[i] = page[i].doc;
            org.apache.lucene.document.Document stored = searcher.storedFields().document(page[i].doc,
                    java.util.Set.of(IndexSchema.ID, IndexSchema.TOPIC));
            ids.add(Long.parseLong(stored.get(IndexSchema.ID)));
            topicsOf.add(IndexSchema.topicsOf(stored));
        }
        String[] fields = Analyzers.textFields();
        int[] passages = new int[fields.length];
        java.util.Arrays.fill(passages, 2);
        UnifiedHighlighter highlighter = UnifiedHighlighter.builder(searcher, Analyzers.PER_FIELD)
                .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                .withMaxLength(100_000)
                .build();
        Map<String, String[]> snippets = highlighter.highlightFields(fields, query, docIds, passages);
        Map<Long, Document> docs = new HashMap<>();
        Map<String, Source> sources = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            docs.putAll(Documents.byIds(ids));
            sources.putAll(tyndau.document.DocumentRows.sources());
        });
        List<SearchAnswer.Hit> out = new ArrayList<>();
        for (int i = 0; i < page.length; i++) {
            Document d = docs.get(ids.get(i));
            if (d == null) {
                continue;
            }
            Source s = sources.get(d.sourceId);
            DocumentRow row = rows.rowOf(d, s);
            String snippet = null;
            for (String f : fields) {
                String[] forField = snippets.get(f);
                if (forField != null && forField[i] != null) {
                    snippet = forField[i];
                    break;
                }
            }
            Float score = Float.isNaN(page[i].score) ? null : page[i].score;
            out.add(new SearchAnswer.Hit(d.id, d.sourceId, row.role(), row.side(), d.language, d.url, d.title,
                    d.publishedAt, d.undateable, d.tone, d.toneLabel, d.toneConfidence, topicsOf.get(i), snippet, score, d.eventId));
        }
        return out;
    }

    private static Sort newestFirst() {
        SortField published = new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true);
        published.setMissingValue(Long.MIN_VALUE);
        return new Sort(published, new SortField(IndexSchema.SEQ, SortField.Type.LONG, true));
    }

    /** Most distinct values one filter takes (each is a clause; Lucene refuses more than 1,024 in all). */
    static final int MAX_FILTER_VALUES = 200;

    /** A filter's comma-separated values as one clause; repeats count once, and more than the cap is a 400. */
    private static void term(BooleanQuery.Builder b, String field, String value) {
        if (notBlank(value)) {
            java.util.Set<String> values = new java.util.LinkedHashSet<>();
            for (String v : value.split(",")) {
                if (!v.isBlank()) {
                    values.add(v.trim());
                }
            }
            if (values.size() > MAX_FILTER_VALUES) {
                throw ApiException.badRequest("'" + filterName(field) + "' takes at most " + MAX_FILTER_VALUES + " values");
            }
            if (field.equals(IndexSchema.TONE_LABEL) && !ToneReading.LABELS.containsAll(values)) {
                throw ApiException.badRequest("'tone' takes " + String.join(", ", ToneReading.LABELS));
            }
            BooleanQuery.Builder any = new BooleanQuery.Builder();
            values.forEach(v -> any.add(new TermQuery(new Term(field, v)), BooleanClause.Occur.SHOULD));
            b.add(any.build(), BooleanClause.Occur.FILTER);
        }
    }

    /** The request parameter a filter field comes from. */
    private static String filterName(String field) {
        return field.equals(IndexSchema.LANG) ? "lang" : field.equals(IndexSchema.TONE_LABEL) ? "tone" : field;
    }

    private static long day(String value, boolean end, String name) {
        Instant t = QueryLanguage.parseDay(value, end)
                .orElseThrow(() -> ApiException.badRequest("'" + name + "' must be a date (YYYY-MM-DD) or an ISO-8601 instant"));
        return t.toEpochMilli();
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
