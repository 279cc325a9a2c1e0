package tyndau.ui;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateData;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.index.LuceneIndex;
import tyndau.signals.Range;
import tyndau.signals.SignalsConfig;
import tyndau.topics.TopicService;
import tyndau.topics.TopicView;

/**
 * The dashboard's pages. Qute renders each page's structure (escaping every value); the page's
 * scripts fill it from the public JSON API, so the dashboard shows exactly what a client would get.
 */
@Path("/ui")
@Produces(MediaType.TEXT_HTML)
class UiPages {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance overview(Layout layout, List<TopicView> topics, LocalDate from, LocalDate to);

        static native TemplateInstance topic(Layout layout, TopicView topic, String from, String to, String interval);

        static native TemplateInstance search(Layout layout, List<TopicView> topics);

        static native TemplateInstance document(Layout layout, DocumentPages.Page page, Map<String, String> topicLabels);

        static native TemplateInstance alerts(Layout layout);

        static native TemplateInstance sources(Layout layout);

        static native TemplateInstance notFound(Layout layout, String what);
    }

    /** What every page's frame needs: its title, the navigation entry to mark current, the chart library. */
    @TemplateData
    record Layout(String title, String nav, String chartScript, String chartStylesheet) {
    }

    private final TopicService topics;
    private final DocumentPages documents;
    private final SignalsConfig signals;
    private final LuceneIndex index;
    private final ChartLibrary charts;
    private final UiConfig config;

    UiPages(TopicService topics, DocumentPages documents, SignalsConfig signals, LuceneIndex index, ChartLibrary charts,
            UiConfig config) {
        this.topics = topics;
        this.documents = documents;
        this.signals = signals;
        this.index = index;
        this.charts = charts;
        this.config = config;
    }

    private Layout layout(String title, String nav) {
        return new Layout(title, nav, charts.script(), charts.stylesheet());
    }

    private List<TopicView> topicViews() {
        return topics.all().stream().map(TopicService.Compiled::topic).toList();
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance overview() {
        Range latest = Range.of(null, null, null, signals, index);
        LocalDate from = latest.to().minusDays(config.overviewDays() - 1L);
        return Templates.overview(layout("Overview", "overview"), topicViews(), from, latest.to());
    }

    @GET
    @Path("/topics/{id}")
    @Operation(hidden = true)
    public Response topic(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("interval") String interval) {
        Optional<TopicView> topic = topics.byId(id).map(TopicService.Compiled::topic);
        if (topic.isEmpty()) {
            return notFound("no topic '" + id + "'");
        }
        TopicView t = topic.get();
        String iv = interval != null && List.of("day", "week", "month").contains(interval) ? interval : "day";
        return Response.ok(Templates.topic(layout(t.label(), "overview"), t, blankToEmpty(from), blankToEmpty(to), iv)).build();
    }

    @GET
    @Path("/search")
    @Operation(hidden = true)
    public TemplateInstance search() {
        return Templates.search(layout("Search", "search"), topicViews());
    }

    @GET
    @Path("/documents/{id}")
    @Operation(hidden = true)
    public Response document(@PathParam("id") String id) {
        Optional<DocumentPages.Page> page;
        try {
            page = documents.byId(Long.parseLong(id));
        } catch (NumberFormatException e) {
            page = Optional.empty();
        }
        if (page.isEmpty()) {
            return notFound("no document with id '" + id + "'");
        }
        Map<String, String> labels = topicViews().stream().collect(Collectors.toMap(TopicView::id, TopicView::label));
        String title = page.get().document().title();
        return Response.ok(Templates.document(layout(title == null || title.isBlank() ? "Document " + id : title, "search"),
                page.get(), labels)).build();
    }

    @GET
    @Path("/alerts")
    @Operation(hidden = true)
    public TemplateInstance alerts() {
        return Templates.alerts(layout("Alerts", "alerts"));
    }

    @GET
    @Path("/sources")
    @Operation(hidden = true)
    public TemplateInstance sources() {
        return Templates.sources(layout("Sources", "sources"));
    }

    private Response notFound(String what) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.notFound(layout("Not found", ""), what)).build();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
