package tyndau.preview;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.Query;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.index.IndexSchema;
import tyndau.index.LuceneIndex;
import tyndau.index.MatchedForms;
import tyndau.index.QueryLanguage;
import tyndau.search.SearchAnswer;
import tyndau.search.SearchService;
import tyndau.signals.Range;
import tyndau.signals.SignalsConfig;
import tyndau.signals.TimelineService;
import tyndau.topics.TopicService;
import tyndau.http.ApiException;

/**
 * {@code POST /api/topics/preview}: what a topic query would catch before it is saved — the total, per
 * language and side, the newest ten documents of each language with highlights, and the timeline it
 * would draw beside the saved topic's. Nothing is stored, so no key is needed (the topic editor calls
 * it at each pause in typing); it is one of the rate-limited reads.
 */
@Path("/api/topics/preview")
@Produces(MediaType.APPLICATION_JSON)
class TopicPreviewResource {
    static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    static final int SAMPLES = 10;

    private final SearchService search;
    private final TimelineService timelines;
    private final TopicService topics;
    private final SignalsConfig signals;
    private final LuceneIndex index;

    TopicPreviewResource(SearchService search, TimelineService timelines, TopicService topics, SignalsConfig signals,
                         LuceneIndex index) {
        this.search = search;
        this.timelines = timelines;
        this.topics = topics;
        this.signals = signals;
        this.index = index;
    }

    /** A query to try, over a range (default: as timelines), and optionally the saved topic to draw beside it. */
    public record PreviewRequest(String query, String from, String to, String interval, String zone, String compareTo) {
    }

    /**
     * What the query catches in the range; {@code forms} lists, per language, the words as written that it
     * matched (in that language's newest 200 documents, most documents first); {@code saved} is the
     * compared topic's timeline (null without one).
     */
    public record Preview(String query, String from, String to, long total, Map<String, Long> byLanguage, Map<String, Long> bySide,
                          Map<String, List<SearchAnswer.Hit>> samples, Map<String, List<MatchedForms.Form>> forms,
                          TimelineService.Timeline timeline,
                          TimelineService.Timeline saved, boolean partial, long tookMs) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "What a topic query would catch, before saving it (nothing is stored; no key needed)",
            description = "Body {query, from?, to?, interval?, zone?, compareTo?}: total hits in the range, per language and side,"
                    + " the newest ten per language (kk, ru, en) with highlights, the word forms it matched per language (forms:"
                    + " [{form, documents}], from each language's newest 200 documents), the timeline it would draw and, with compareTo,"
                    + " the saved topic's timeline. A query that does not parse is a 400 that names the line and column.")
    public Preview preview(PreviewRequest r) {
        long t0 = System.nanoTime();
        if (r == null || r.query() == null || r.query().isBlank()) {
            throw ApiException.badRequest("'query' is required");
        }
        if (r.query().length() > TopicService.MAX_QUERY_CHARS) {
            throw ApiException.badRequest("'query' is longer than " + TopicService.MAX_QUERY_CHARS + " characters");
        }
        Query q;
        try {
            q = QueryLanguage.parse(r.query(), false);
        } catch (QueryLanguage.InvalidQuery e) {
            throw ApiException.badRequest("'query' is not valid Lucene syntax: " + e.getMessage());
        }
        TopicService.Compiled compared = r.compareTo() == null || r.compareTo().isBlank() ? null
                : topics.byId(r.compareTo()).orElseThrow(() -> ApiException.badRequest("no topic '" + r.compareTo() + "'"));
        Range range = Range.of(r.from(), r.to(), r.zone(), signals, index);
        return search.inTurn(() -> {
            // Expanded once within the time limit: the summary, its highlights and the timeline then read plain terms.
            Query expanded = search.expand(q);
            Query inRange = new BooleanQuery.Builder().add(expanded, BooleanClause.Occur.MUST)
                    .add(LongPoint.newRangeQuery(IndexSchema.PUBLISHED, range.start().toEpochMilli(), range.end().toEpochMilli() - 1),
                            BooleanClause.Occur.FILTER).build();
            SearchService.Summary s = search.summarize(inRange, LANGUAGES, SAMPLES);
            TimelineService.Timeline drawn = timelines.timeline(null, expanded, null, range, r.interval());
            TimelineService.Timeline saved = compared == null ? null : timelines.timeline(compared.topic().id(), range, r.interval());
            return new Preview(r.query(), range.from().toString(), range.to().toString(), s.total(), s.byLanguage(), s.bySide(),
                    s.samples(), s.forms(), drawn, saved, s.partial(), (System.nanoTime() - t0) / 1_000_000);
        });
    }
}
