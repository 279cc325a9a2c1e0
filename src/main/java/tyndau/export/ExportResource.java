package tyndau.export;

import tyndau.document.Documents;


import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.io.IOException;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.core.HttpHeaders;
import tyndau.http.ApiKey;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.document.Document;
import tyndau.index.IndexSchema;
import tyndau.index.LuceneIndex;
import tyndau.responsiveness.ResponsivenessService;
import tyndau.search.SearchRequest;
import tyndau.search.SearchService;
import tyndau.source.Source;
import tyndau.http.ApiException;
import tyndau.http.Csv;
import tyndau.document.DocumentRow;

/** {@code /api/export/*}: documents (CSV, JSONL; streamed) and episodes (CSV, JSON) for R, pandas, spreadsheets. */
@Path("/api/export")
class ExportResource {
    private static final int CHUNK = 500;

    private final SearchService search;
    private final LuceneIndex index;
    private final ResponsivenessService responsiveness;
    private final ObjectMapper json;
    private final ExportConfig config;
    private final tyndau.document.DocumentRows rows;
    private final ExportSlots slots;
    private final ApiKey apiKey;

    ExportResource(SearchService search, LuceneIndex index, ResponsivenessService responsiveness,
                   ObjectMapper json, ExportConfig config, ApiKey apiKey, tyndau.document.DocumentRows rows) {
        this.rows = rows;
        this.apiKey = apiKey;
        this.config = config;
        this.slots = new ExportSlots(config.maxConcurrent(), config.maxPerAddress(), config.stallTimeout());
        this.search = search;
        this.index = index;
        this.responsiveness = responsiveness;
        this.json = json;
    }

    @jakarta.annotation.PreDestroy
    void close() {
        slots.close();
    }

    @GET
    @Path("/documents")
    @Operation(summary = "Every document matching the filters, oldest first, streamed (format csv or jsonl)",
            description = "Filters as /api/search: topic, q, side, role, lang, source, from, to. Undateable documents come last. "
                    + "Streamed a page at a time; at most tyndau.export.max-concurrent run at once (429 with Retry-After beyond).")
    public Response documents(@QueryParam("topic") String topic, @QueryParam("q") String q, @QueryParam("side") String side,
                              @QueryParam("role") String role, @QueryParam("lang") String lang,
                              @QueryParam("source") String source, @QueryParam("from") String from,
                              @QueryParam("to") String to, @QueryParam("format") @DefaultValue("csv") String format,
                              @QueryParam("tone") String tone,
                              @HeaderParam(HttpHeaders.AUTHORIZATION) String authorization, RoutingContext exchange) {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("jsonl")) {
            throw ApiException.badRequest("'format' is csv or jsonl");
        }
        Query parsed = search.query(new SearchRequest(q, topic, side, role, lang, source, from, to, null, 1, 1, tone));
        String name = "documents-" + (topic == null ? "all" : topic) + "." + f;
        String type = f.equals("csv") ? "text/csv; charset=UTF-8" : "application/x-ndjson; charset=UTF-8";
        if (exchange.request().method() == HttpMethod.HEAD) {
            // No body is written for HEAD: nothing to stream, no turn taken.
            return Response.ok().type(type).header("Content-Disposition", "attachment; filename=\"" + safe(name) + "\"").build();
        }
        // Callers with the key (the operator's scripts) do not queue behind the open cap.
        boolean keyHolder = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && apiKey.matches(authorization.substring(7));
        String address = exchange.request().remoteAddress() == null ? "" : exchange.request().remoteAddress().hostAddress();
        ExportSlots.Turn turn = slots.take(address, !keyHolder, exchange.request().connection());
        Runnable release = turn::close;
        exchange.addEndHandler(v -> release.run());
        Query query;
        try {
            query = search.expand(parsed); // within the search time limit, before the first byte
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
        StreamingOutput body = out -> {
            try {
                Writer w = new BufferedWriter(new OutputStreamWriter(turn.watch(out), StandardCharsets.UTF_8));
                if (f.equals("csv")) {
                    w.write(Csv.header("id", "published", "undateable", "source", "role", "side", "language", "url", "title",
                            "tone", "topics", "duplicate_of", "body", "tone_label", "tone_confidence", "event"));
                }
                try {
                    index.withSearcher(searcher -> {
                        forEachPageOldestFirst(searcher, query, config.pageSize(), ids -> write(ids, f, w));
                        return null;
                    });
                } catch (ClientGone e) {
                    throw e.getCause(); // a failed write: the client went away, not a failure of the service
                }
                w.flush();
            } finally {
                release.run();
            }
        };
        try {
            return Response.ok(body, type)
                    .header("Content-Disposition", "attachment; filename=\"" + safe(name) + "\"")
                    .build();
        } catch (RuntimeException e) {
            release.run();
            throw e;
        }
    }

    /**
     * Every match, oldest publication first, undateable last, a page of ids at a time on one searcher
     * (one point-in-time view): memory holds one page whatever the number of matches.
     */
    private static void forEachPageOldestFirst(IndexSearcher searcher, Query query, int pageSize, Page consumer) throws IOException {
        SortField published = new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG);
        published.setMissingValue(Long.MAX_VALUE);
        Sort sort = new Sort(published, new SortField(IndexSchema.SEQ, SortField.Type.LONG));
        StoredFields stored = searcher.storedFields();
        ScoreDoc after = null;
        while (true) {
            TopFieldDocs page = after == null ? searcher.search(query, pageSize, sort, false)
                    : searcher.searchAfter(after, query, pageSize, sort, false);
            if (page.scoreDocs.length == 0) {
                return;
            }
            for (int from = 0; from < page.scoreDocs.length; from += CHUNK) {
                List<Long> ids = new ArrayList<>(CHUNK);
                for (int i = from; i < Math.min(page.scoreDocs.length, from + CHUNK); i++) {
                    ids.add(Long.parseLong(stored.document(page.scoreDocs[i].doc, Set.of(IndexSchema.ID)).get(IndexSchema.ID)));
                }
                consumer.accept(ids);
            }
            after = page.scoreDocs[page.scoreDocs.length - 1];
        }
    }

    @FunctionalInterface
    private interface Page {
        void accept(List<Long> ids) throws IOException;
    }

    /** A write to the client failed: told apart from a failed index read, which is the service's own failure. */
    private static final class ClientGone extends RuntimeException {
        ClientGone(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    /** One chunk of rows, read from the database and the index, in the order of {@code chunk}. */
    private void write(List<Long> chunk, String f, Writer w) {
        try {
            writeRows(chunk, f, w);
        } catch (IOException e) {
            throw new ClientGone(e);
        }
    }

    private void writeRows(List<Long> chunk, String f, Writer w) throws IOException {
        Map<Long, Document> docs = new HashMap<>();
        Map<String, Source> sources = new HashMap<>();
        Map<Long, List<String>> topicsById = index.topicsOf(chunk);
        QuarkusTransaction.requiringNew().run(() -> {
            docs.putAll(Documents.byIds(chunk));
            sources.putAll(tyndau.document.DocumentRows.sources());
        });
        for (Long id : chunk) {
            Document d = docs.get(id);
            if (d == null) {
                continue;
            }
            DocumentRow row = rows.rowOf(d, sources.get(d.sourceId));
            List<String> topics = topicsById.getOrDefault(id, List.of());
            if (f.equals("csv")) {
                w.write(Csv.row(List.of(Csv.number(d.id), d.publishedAt == null ? "" : d.publishedAt.toString(),
                        Boolean.toString(d.undateable), Csv.text(d.sourceId), Csv.text(row.role()), Csv.text(row.side()),
                        Csv.text(d.language), Csv.text(d.url), Csv.text(d.title), Csv.number(d.tone),
                        Csv.text(String.join(";", topics)), Csv.number(d.duplicateOf), Csv.text(d.body),
                        Csv.text(d.toneLabel), Csv.number(d.toneConfidence), Csv.number(d.eventId))));
            } else {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", d.id);
                m.put("source", d.sourceId);
                m.put("role", row.role());
                m.put("side", row.side());
                m.put("url", d.url);
                m.put("title", d.title);
                m.put("published", d.publishedAt == null ? null : d.publishedAt.toString());
                m.put("undateable", d.undateable);
                m.put("language", d.language);
                m.put("tone", d.tone);
                m.put("toneLabel", d.toneLabel);
                m.put("toneConfidence", d.toneConfidence);
                m.put("topics", topics);
                m.put("duplicateOf", d.duplicateOf);
                m.put("body", d.body);
                m.put("event", d.eventId);
                w.write(json.writeValueAsString(m));
                w.write('\n');
            }
        }
        w.flush();
    }

    @GET
    @Path("/episodes")
    @Operation(summary = "The episodes of a responsiveness answer, one row each (format csv or json)",
            description = "Parameters as /api/responsiveness, including the method's overrides.")
    public Response episodes(@QueryParam("topic") String topic, @QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("zone") String zone, @QueryParam("format") @DefaultValue("csv") String format,
                             @jakarta.ws.rs.BeanParam ResponsivenessService.Overrides overrides) {
        String f = format.toLowerCase(Locale.ROOT);
        if (!f.equals("csv") && !f.equals("json")) {
            throw ApiException.badRequest("'format' is csv or json");
        }
        ResponsivenessService.Answer a = responsiveness.answer(topic, from, to, zone, overrides);
        String name = "episodes-" + topic + "-" + a.from() + "-" + a.to() + "." + f;
        if (f.equals("json")) {
            return Response.ok(a.episodes(), "application/json")
                    .header("Content-Disposition", "attachment; filename=\"" + safe(name) + "\"").build();
        }
        StringBuilder out = new StringBuilder(Csv.header("topic", "onset", "peak", "end", "led_by", "kind", "public_count",
                "peak_score", "public_tone", "first_public_at", "response_at", "lag_hours", "censored_at_hours",
                "response_source", "response_url", "response_title", "announcement_at", "announcement_source",
                "announcement_url", "announcement_title"));
        for (ResponsivenessService.Episode e : a.episodes()) {
            var r = e.response();
            var an = e.announcement();
            out.append(Csv.row(List.of(Csv.text(topic), e.onset(), e.peak(), e.end(), e.ledBy(), e.kind(),
                    Csv.number(e.publicCount()), Csv.number(e.peakScore()), Csv.number(e.publicTone()),
                    e.firstPublicAt() == null ? "" : e.firstPublicAt().toString(),
                    r == null ? "" : r.at().toString(), r == null ? "" : Csv.number(r.lagHours()),
                    Csv.number(e.censoredAtHours()),
                    r == null ? "" : Csv.text(r.source()), r == null ? "" : Csv.text(r.url()), r == null ? "" : Csv.text(r.title()),
                    an == null || an.at() == null ? "" : an.at().toString(), an == null ? "" : Csv.text(an.source()),
                    an == null ? "" : Csv.text(an.url()), an == null ? "" : Csv.text(an.title()))));
        }
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + safe(name) + "\"").build();
    }

    private static String safe(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
