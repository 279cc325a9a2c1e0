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
import io.vertx.ext.web.RoutingContext;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.index.LuceneIndex;
import tyndau.signals.Range;
import tyndau.signals.SignalsConfig;
import tyndau.topics.Label;
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
        static native TemplateInstance overview(Layout layout, List<TopicView> topics, LocalDate from, LocalDate to,
                                                LocalDate wholeFrom);

        static native TemplateInstance topic(Layout layout, TopicView topic, String from, String to, String interval,
                                             Editor editor);

        static native TemplateInstance newTopic(Layout layout, Editor editor);

        static native TemplateInstance search(Layout layout, List<TopicView> topics);

        static native TemplateInstance document(Layout layout, DocumentPages.Page page, Map<String, String> topicLabels);

        static native TemplateInstance alerts(Layout layout);

        static native TemplateInstance sources(Layout layout);

        static native TemplateInstance notFound(Layout layout, String what);
    }

    /**
     * What every page's frame needs: its title, the navigation entry to mark current, the chart library, the
     * page's language, the switcher's links and the scripts' messages (a JSON object, safe inside a script element).
     */
    @TemplateData
    record Layout(String title, String nav, String chartScript, String chartStylesheet, String lang,
                  List<LanguageLink> languages, String scriptMessages) {
    }

    /** One entry of the language switcher: this page in another language. */
    @TemplateData
    record LanguageLink(String tag, String name, String href, boolean current) {
    }

    /** The topic editor's starting values: the topic's, or empty for a new one. */
    @TemplateData
    record Editor(String id, boolean isNew, String labelKk, String labelRu, String labelEn, boolean sensitive, String query) {
        static Editor of(TopicView t) {
            Label l = t.label();
            // A single label (own() answers null for it) goes in the English field, "or the only label".
            return new Editor(t.id(), false, nonNull(l.own("kk")), nonNull(l.own("ru")),
                    l.isSingle() ? l.text() : nonNull(l.own("en")), Boolean.TRUE.equals(t.sensitive()), t.query());
        }

        private static String nonNull(String s) {
            return s == null ? "" : s;
        }
    }

    private final TopicService topics;
    private final DocumentPages documents;
    private final SignalsConfig signals;
    private final LuceneIndex index;
    private final ChartLibrary charts;
    private final UiConfig config;
    private final ScriptMessagesJson scriptMessages;
    private final RoutingContext request;

    UiPages(TopicService topics, DocumentPages documents, SignalsConfig signals, LuceneIndex index, ChartLibrary charts,
            UiConfig config, ScriptMessagesJson scriptMessages, RoutingContext request) {
        this.topics = topics;
        this.documents = documents;
        this.signals = signals;
        this.index = index;
        this.charts = charts;
        this.config = config;
        this.scriptMessages = scriptMessages;
        this.request = request;
    }

    private UiLanguage language() {
        return UiLanguage.of(request.request());
    }

    private UiMessages messages() {
        return language().messages();
    }

    private TemplateInstance page(TemplateInstance page) {
        return page.setLocale(language().locale);
    }

    private Layout layout(String title, String nav) {
        UiLanguage current = language();
        List<LanguageLink> links = Arrays.stream(UiLanguage.values())
                .map(l -> new LanguageLink(l.tag, l.name, hrefIn(l), l == current)).toList();
        return new Layout(title, nav, charts.script(), charts.stylesheet(), current.tag, links, scriptMessages.of(current));
    }

    /**
     * This page with {@code lang} set to the language, other parameters kept: a relative address (only the
     * query), so no request path, however odd ({@code //host/...}), can make it point elsewhere.
     */
    private String hrefIn(UiLanguage language) {
        StringBuilder q = new StringBuilder();
        request.queryParams().forEach(e -> {
            if (!e.getKey().equals(UiLanguage.PARAM)) {
                q.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).append('&');
            }
        });
        return "?" + q + UiLanguage.PARAM + "=" + language.tag;
    }

    private List<TopicView> topicViews() {
        return topics.all().stream().map(TopicService.Compiled::topic).toList();
    }

    @GET
    @Operation(hidden = true)
    public TemplateInstance overview() {
        Range latest = Range.of(null, null, null, signals, index);
        LocalDate from = latest.to().minusDays(config.overviewDays() - 1L);
        LocalDate oldest = Range.oldestDay(index, latest.zone());
        LocalDate wholeFrom = oldest.isBefore(latest.to().minusYears(20).plusDays(1)) ? latest.to().minusYears(20).plusDays(1)
                : oldest.isAfter(from) ? from : oldest;
        return page(Templates.overview(layout(messages().overviewTitle(), "overview"), topicViews(), from, latest.to(), wholeFrom));
    }

    @GET
    @Path("/topics/new")
    @Operation(hidden = true)
    public TemplateInstance newTopic() {
        return page(Templates.newTopic(layout(messages().newTopicTitle(), "new-topic"),
                new Editor("", true, "", "", "", false, "")));
    }

    @GET
    @Path("/topics/{id}")
    @Operation(hidden = true)
    public Response topic(@PathParam("id") String id, @QueryParam("from") String from, @QueryParam("to") String to,
                          @QueryParam("interval") String interval) {
        Optional<TopicView> topic = topics.byId(id).map(TopicService.Compiled::topic);
        if (topic.isEmpty()) {
            return notFound(messages().noTopic(id));
        }
        TopicView t = topic.get();
        String iv = interval != null && List.of("day", "week", "month").contains(interval) ? interval : "day";
        return Response.ok(page(Templates.topic(layout(t.label().in(language().tag), "overview"), t, blankToEmpty(from),
                blankToEmpty(to), iv, Editor.of(t)))).build();
    }

    @GET
    @Path("/search")
    @Operation(hidden = true)
    public TemplateInstance search() {
        return page(Templates.search(layout(messages().searchTitle(), "search"), topicViews()));
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
            return notFound(messages().noDocument(id));
        }
        String lang = language().tag;
        Map<String, String> labels = topicViews().stream().collect(Collectors.toMap(TopicView::id, t -> t.label().in(lang)));
        String title = page.get().document().title();
        return Response.ok(page(Templates.document(layout(title == null || title.isBlank() ? messages().documentCrumb(page.get().document().id()) : title,
                "search"), page.get(), labels))).build();
    }

    @GET
    @Path("/alerts")
    @Operation(hidden = true)
    public TemplateInstance alerts() {
        return page(Templates.alerts(layout(messages().alertsTitle(), "alerts")));
    }

    @GET
    @Path("/sources")
    @Operation(hidden = true)
    public TemplateInstance sources() {
        return page(Templates.sources(layout(messages().sourcesTitle(), "sources")));
    }

    private Response notFound(String what) {
        return Response.status(404).type(MediaType.TEXT_HTML_TYPE)
                .entity(page(Templates.notFound(layout(messages().notFoundTitle(), ""), what))).build();
    }

    private static String blankToEmpty(String s) {
        return s == null ? "" : s.trim();
    }
}
