package tyndau.ingest.analyze;

import java.util.Optional;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.language.Languages;
import tyndau.ingest.Normaliser;
import tyndau.ingest.Pipeline;
import tyndau.ingest.scrape.Article;
import tyndau.ingest.scrape.ArticleExtractor;
import tyndau.ingest.scrape.Selectors;
import tyndau.source.Source;
import tyndau.source.Side;
import tyndau.http.ApiException;
import tyndau.document.DocumentRow;

/**
 * {@code POST /api/analyze}: what ingestion would make of a page or a text, without storing it —
 * to debug a source's selectors or see why a document lands (or not) in a topic. With
 * {@code ?source=id} the source's selectors and time zone are used.
 */
@Path("/api/analyze")
@Produces(MediaType.APPLICATION_JSON)
class AnalyzeResource {
    private static final int MAX_CHARS = 5_000_000;

    private final Pipeline pipeline;
    private final Side side;
    private final ObjectMapper json;

    AnalyzeResource(Pipeline pipeline, Side side, ObjectMapper json) {
        this.pipeline = pipeline;
        this.side = side;
        this.json = json;
    }

    /**
     * {@code toned} false: the tone model could read nothing in the text ({@code tone} is then 0, meaning no
     * signal, not neutral, and {@code toneLabel}, {@code toneConfidence} are null); otherwise the tone read as
     * a label (tyndau.document.ToneReading); {@code topicTones}: the tone of the sentences about each matched topic.
     */
    record Analysis(String title, String text, Instant published, boolean undateable, String dateSource, String language,
                    double tone, boolean toned, String toneLabel, Double toneConfidence, List<String> topics,
                    java.util.Map<String, Double> topicTones, String canonicalUrl, String author, List<String> warnings) {
    }

    @POST
    @Consumes({MediaType.TEXT_HTML, MediaType.TEXT_PLAIN, "application/xhtml+xml"})
    @Operation(summary = "What ingestion would make of a page (text/html) or a text (text/plain); nothing is stored")
    public Analysis analyze(java.io.InputStream in, @HeaderParam("Content-Type") String contentType,
                            @HeaderParam("Content-Length") Long length,
                            @HeaderParam("X-Source-Url") String sourceUrl, @QueryParam("source") String sourceId) throws java.io.IOException {
        // Refused from the declared length before reading, and never read past the limit when none is declared.
        if (length != null && length > MAX_CHARS) {
            throw tooLarge();
        }
        byte[] body = in == null ? new byte[0] : in.readNBytes(MAX_CHARS + 1);
        if (body.length > MAX_CHARS) {
            throw tooLarge();
        }
        if (body.length == 0) {
            throw ApiException.badRequest("the body is empty: send the page (text/html) or the text (text/plain)");
        }
        Source source = sourceId == null ? null : QuarkusTransaction.requiringNew().call(() -> Optional.ofNullable(Source.findById(sourceId))
                .filter(s -> !s.deleted).orElseThrow(() -> ApiException.notFound("no source '" + sourceId + "'")));
        ZoneId zone = source == null ? ZoneId.of("UTC") : ZoneId.of(source.timeZone);
        URI uri = uri(sourceUrl, source);
        boolean html = contentType != null && contentType.toLowerCase(java.util.Locale.ROOT).contains("html");
        String title;
        String text;
        Instant published = null;
        String dateSource = null;
        String canonical = null;
        String author = null;
        String declared = null;
        List<String> warnings;
        if (html) {
            Article a = ArticleExtractor.extract(body, contentType, uri, selectors(source), zone, Instant.now());
            title = a.title();
            text = a.text();
            published = a.published();
            dateSource = a.dateSource();
            canonical = a.canonicalUrl();
            author = a.author();
            declared = a.language();
            warnings = a.warnings();
        } else {
            String all = new String(body, StandardCharsets.UTF_8).strip();
            int nl = all.indexOf('\n');
            title = (nl < 0 ? all : all.substring(0, nl)).strip();
            text = nl < 0 ? "" : all.substring(nl + 1).strip();
            warnings = List.of("plain text: the first line is taken as the title; no date is looked for");
        }
        // The same normalising as ingestion (title, clipping, language); a text it would refuse is still analysed.
        Normaliser.Result n = Pipeline.normalise(new Normaliser.Raw(source == null ? "analyze" : source.id,
                source == null ? null : source.role, canonical != null ? canonical : uri.toString(), null, title, text,
                html ? "" : null, published, Instant.now(), null, declared, source == null ? null : source.language));
        String t = n.document() != null ? n.document().title() : title == null ? "" : title;
        String language = n.document() != null ? n.document().language()
                : Languages.decide(DocumentRow.join(t, text), declared, source == null ? null : source.language);
        if (n.document() == null) {
            warnings = new java.util.ArrayList<>(warnings);
            warnings.add("ingestion would refuse this: " + n.reason());
        } else {
            title = t;
            text = n.document().body();
        }
        DocumentRow row = new DocumentRow(0, 0, source == null ? "analyze" : source.id,
                source == null ? null : source.role.wire(), source == null ? null : side.of(source.role), language, published, null,
                null, t, text);
        tyndau.document.Analysis a = pipeline.analyseOnly(row);
        return new Analysis(title, text, published, published == null, dateSource, language, a.tone() == null ? 0 : a.tone(),
                a.tone() != null, a.reading() == null ? null : a.reading().label(), a.reading() == null ? null : a.reading().confidence(), a.topics(), a.topicTones(),
                canonical, author, warnings);
    }

    private static ApiException tooLarge() {
        return new ApiException(413, "payload_too_large", "the body is larger than " + MAX_CHARS + " bytes (a page, not a site)");
    }

    private static URI uri(String header, Source source) {
        String raw = header != null && !header.isBlank() ? header.trim() : source != null && source.url != null ? source.url : null;
        if (raw == null) {
            return URI.create("https://analyze.invalid/");
        }
        try {
            URI u = new URI(raw);
            if (u.getScheme() == null || u.getHost() == null) {
                throw ApiException.badRequest("X-Source-Url must be an absolute http(s) URL");
            }
            return u;
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("X-Source-Url is not a URL: " + e.getReason());
        }
    }

    private Selectors selectors(Source source) {
        return source == null ? null : Selectors.fromJson(source.selectors, json);
    }
}
