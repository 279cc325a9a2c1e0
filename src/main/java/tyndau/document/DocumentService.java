package tyndau.document;

import tyndau.Row;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tyndau.source.Side;
import tyndau.source.Source;

/** Reads stored documents back, newest first. */
@ApplicationScoped
public class DocumentService {
    private final Side side;
    private final IndexedTopics index;
    private final ToneExplainer explainer;
    private final Analyser analyser;

    DocumentService(Side side, IndexedTopics index, ToneExplainer explainer, Analyser analyser) {
        this.side = side;
        this.index = index;
        this.explainer = explainer;
        this.analyser = analyser;
    }

    @Transactional
    public Optional<DocumentView> byId(long id) {
        return Optional.ofNullable(Document.findById(id)).map(d -> {
            DocumentView v = view(d, sources(List.of(d)), index.topicsOf(List.of(d.id)));
            DocumentRow row = new DocumentRow(d.id, d.seq, d.sourceId, v.role(), v.side(), d.language, d.publishedAt, d.tone,
                    d.duplicateOf, d.title == null ? "" : d.title, d.body, List.of(), Map.of(), d.reading());
            return new DocumentView(v.id(), v.seq(), v.source(), v.role(), v.side(), v.url(), v.guid(), v.title(), v.published(),
                    v.undateable(), v.fetched(), v.language(), v.tone(), v.toneLabel(), v.toneConfidence(), v.topics(), v.duplicateOf(), v.duplicateReason(), v.body(),
                    v.bodyHtml(), explainer.explain(row.text(), d.language, 12), analyser.topicSentences(row), v.event());
        });
    }

    /** A page (1-based) of documents, optionally of one source, newest publication first, undateable last. */
    @Transactional
    public tyndau.http.Page<DocumentView> list(Optional<String> sourceId, int page, int size) {
        String newestFirst = "order by publishedAt desc nulls last, id desc";
        List<Document> docs = sourceId
                .map(s -> Row.page(Document.class, "sourceId = ?1 " + newestFirst, tyndau.http.Page.offset(page, size), size, s))
                .orElseGet(() -> Row.page(Document.class, newestFirst, tyndau.http.Page.offset(page, size), size));
        return new tyndau.http.Page<>(count(sourceId), page, size, listed(docs));
    }

    /**
     * The documents stored before {@code id} (of a source, if given), last stored first: a cursor that reads as deep as
     * the table goes at the cost of one index range, where an offset would scan every row before it.
     */
    public tyndau.http.Page<DocumentView> before(Optional<String> sourceId, long id, int size) {
        List<Document> docs = sourceId
                .map(s -> Row.page(Document.class, "sourceId = ?1 and id < ?2 order by id desc", 0, size, s, id))
                .orElseGet(() -> Row.page(Document.class, "id < ?1 order by id desc", 0, size, id));
        Long next = docs.size() < size ? null : docs.get(docs.size() - 1).id;
        return new tyndau.http.Page<>(count(sourceId), 1, size, listed(docs), next);
    }

    private static long count(Optional<String> sourceId) {
        return sourceId.map(s -> Row.count(Document.class, "sourceId = ?1", s)).orElseGet(() -> Row.count(Document.class, ""));
    }

    /** Listings carry no bodies (up to 200 of up to 1 MB each): GET /api/documents/{id} has them. */
    private List<DocumentView> listed(List<Document> docs) {
        Map<String, Source> sources = sources(docs);
        Map<Long, List<String>> topics = index.topicsOf(docs.stream().map(d -> d.id).toList());
        return docs.stream().map(d -> withoutBody(view(d, sources, topics))).toList();
    }

    private static Map<String, Source> sources(List<Document> docs) {
        Map<String, Source> out = new HashMap<>();
        List<String> ids = docs.stream().map(d -> d.sourceId).distinct().toList();
        if (!ids.isEmpty()) {
            Row.list(Source.class, "id in ?1", ids).forEach(s -> out.put(s.id, s));
        }
        return out;
    }

    private static DocumentView withoutBody(DocumentView v) {
        return new DocumentView(v.id(), v.seq(), v.source(), v.role(), v.side(), v.url(), v.guid(), v.title(), v.published(),
                v.undateable(), v.fetched(), v.language(), v.tone(), v.toneLabel(), v.toneConfidence(), v.topics(), v.duplicateOf(), v.duplicateReason(), null, null, null, null, v.event());
    }

    private DocumentView view(Document d, Map<String, Source> sources, Map<Long, List<String>> topics) {
        Source s = sources.get(d.sourceId);
        String role = s == null ? null : s.role.wire();
        String sideName = s == null ? null : side.of(s.role);
        List<String> matched = topics.getOrDefault(d.id, List.of());
        return new DocumentView(d.id, d.seq, d.sourceId, role, sideName, d.url, d.guid, d.title, d.publishedAt,
                d.undateable, d.fetchedAt, d.language, d.tone, d.toneLabel, d.toneConfidence, matched, d.duplicateOf, d.duplicateReason, d.body, d.bodyHtml, null, null, d.eventId);
    }
}
