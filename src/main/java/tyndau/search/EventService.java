package tyndau.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import tyndau.Row;
import tyndau.document.Document;
import tyndau.document.DocumentRows;
import tyndau.document.EventRedirect;
import tyndau.http.Page;
import tyndau.index.IndexSchema;
import tyndau.index.LuceneIndex;
import tyndau.source.Side;
import tyndau.source.Source;

/**
 * Events as the API lists them (issue 31). Which events: those with a report matching the filters, found in the
 * index in one pass over the matches ({@link IndexSchema#EVENT}, {@link IndexSchema#PUBLISHED}), newest last
 * matching report first. What they hold: read from the database, the truth, where a merge has already moved the
 * absorbed event's rows (the index may still hold the absorbed id, resolved through {@link EventRedirect}).
 */
@ApplicationScoped
public class EventService {
    static final int MAX_SIZE = 100;

    private final SearchService search;
    private final LuceneIndex index;
    private final Side side;

    EventService(SearchService search, LuceneIndex index, Side side) {
        this.search = search;
        this.index = index;
        this.side = side;
    }

    /** A page (1-based) of the events with a report matching the filters, the latest first. */
    public Page<EventViews.Summary> list(String from, String to, String topic, String q, String lang, int page, int size) {
        Page.check(page, size, MAX_SIZE);
        Query query = search.query(new SearchRequest(q, topic, null, null, null, null, from, to, null, page, size));
        Map<Long, Long> latest = search.inTurn(() -> latestPerEvent(search.expand(query)));
        Map<Long, Long> resolved = new HashMap<>();
        java.util.function.LongUnaryOperator resolve = EventRedirect.resolver();
        latest.forEach((event, ms) -> resolved.merge(resolve.applyAsLong(event), ms, Math::max));
        List<Long> order = new ArrayList<>(resolved.keySet());
        order.sort(Comparator.<Long>comparingLong(resolved::get).reversed().thenComparing(Comparator.reverseOrder()));
        int start = Math.min(Page.offset(page, size), order.size());
        List<Long> ids = order.subList(start, Math.min(order.size(), start + size));
        Map<Long, List<Document>> reports = reports(ids);
        Map<Long, List<String>> topics = topicsOf(reports);
        List<EventViews.Summary> items = new ArrayList<>();
        for (long id : ids) {
            List<Document> docs = reports.getOrDefault(id, List.of());
            if (!docs.isEmpty()) {
                items.add(summary(id, docs, topics, lang));
            }
        }
        return new Page<>(order.size(), page, size, items);
    }

    /** The event {@code id} stands for (itself, or the survivor of a merge that absorbed it) with its reports. */
    public Optional<EventViews.Detail> byId(long id, String lang) {
        long survivor = QuarkusTransaction.requiringNew().call(() -> EventRedirect.resolve(id));
        List<Document> docs = reports(List.of(survivor)).getOrDefault(survivor, List.of());
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        Map<Long, List<String>> topics = topicsOf(Map.of(survivor, docs));
        EventViews.Summary s = summary(survivor, docs, topics, lang);
        Map<String, Source> sources = QuarkusTransaction.requiringNew().call(DocumentRows::sources);
        List<EventViews.Report> out = docs.stream().map(d -> new EventViews.Report(d.id, d.url, d.title, d.language, d.sourceId,
                sideOf(sources, d.sourceId), d.publishedAt, d.duplicateOf)).toList();
        return Optional.of(new EventViews.Detail(s.id(), s.title(), s.titleLanguage(), s.first(), s.last(), s.documents(),
                s.sources(), s.languages(), s.sides(), s.topics(), survivor == id ? null : id, out));
    }

    private Map<Long, Long> latestPerEvent(Query query) {
        return index.withSearcher(shared -> {
            IndexSearcher searcher = new IndexSearcher(shared.getIndexReader());
            Map<Long, Long> out = new HashMap<>();
            searcher.search(query, new SimpleCollector() {
                private NumericDocValues event;
                private NumericDocValues published;

                @Override
                protected void doSetNextReader(LeafReaderContext context) throws IOException {
                    event = DocValues.getNumeric(context.reader(), IndexSchema.EVENT);
                    published = DocValues.getNumeric(context.reader(), IndexSchema.PUBLISHED);
                }

                @Override
                public void collect(int doc) throws IOException {
                    if (event.advanceExact(doc)) {
                        long at = published.advanceExact(doc) ? published.longValue() : Long.MIN_VALUE;
                        out.merge(event.longValue(), at, Math::max);
                    }
                }

                @Override
                public ScoreMode scoreMode() {
                    return ScoreMode.COMPLETE_NO_SCORES;
                }
            });
            return out;
        });
    }

    /** The stored reports of each event, oldest first. */
    private static Map<Long, List<Document>> reports(List<Long> events) {
        if (events.isEmpty()) {
            return Map.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            Map<Long, List<Document>> out = new HashMap<>();
            for (Document d : Row.list(Document.class, "eventId in ?1 order by publishedAt nulls last, id", events)) {
                Row.em().detach(d);
                out.computeIfAbsent(d.eventId, k -> new ArrayList<>()).add(d);
            }
            return out;
        });
    }

    /** Each event's topics: those its reports matched when indexed. */
    private Map<Long, List<String>> topicsOf(Map<Long, List<Document>> reports) {
        List<Long> ids = reports.values().stream().flatMap(List::stream).map(d -> d.id).toList();
        Map<Long, List<String>> byDocument = index.topicsOf(ids);
        Map<Long, List<String>> out = new HashMap<>();
        reports.forEach((event, docs) -> {
            TreeSet<String> t = new TreeSet<>();
            docs.forEach(d -> t.addAll(byDocument.getOrDefault(d.id, List.of())));
            out.put(event, List.copyOf(t));
        });
        return out;
    }

    private EventViews.Summary summary(long id, List<Document> docs, Map<Long, List<String>> topics, String lang) {
        Map<String, Source> sources = QuarkusTransaction.requiringNew().call(DocumentRows::sources);
        Document titled = docs.stream().filter(d -> lang != null && lang.equals(d.language) && d.duplicateOf == null).findFirst()
                .or(() -> docs.stream().filter(d -> lang != null && lang.equals(d.language)).findFirst())
                .orElse(docs.get(0));
        TreeSet<String> sourceIds = new TreeSet<>();
        TreeSet<String> languages = new TreeSet<>();
        TreeSet<String> sides = new TreeSet<>();
        Instant first = null;
        Instant last = null;
        for (Document d : docs) {
            sourceIds.add(d.sourceId);
            if (d.language != null) {
                languages.add(d.language);
            }
            String s = sideOf(sources, d.sourceId);
            if (s != null && !s.equals(Side.NONE)) {
                sides.add(s);
            }
            if (d.publishedAt != null) {
                first = first == null || d.publishedAt.isBefore(first) ? d.publishedAt : first;
                last = last == null || d.publishedAt.isAfter(last) ? d.publishedAt : last;
            }
        }
        return new EventViews.Summary(id, titled.title, titled.language, first, last, docs.size(), List.copyOf(sourceIds),
                List.copyOf(languages), List.copyOf(sides), topics.getOrDefault(id, List.of()));
    }

    private String sideOf(Map<String, Source> sources, String sourceId) {
        Source s = sources.get(sourceId);
        return s == null ? null : side.of(s.role);
    }
}
