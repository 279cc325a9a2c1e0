package tyndau.search;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import tyndau.http.ApiException;
import tyndau.http.Page;

/** {@code /api/events}: one happening, many reports (issue 31, docs/events.md). */
@Path("/api/events")
@Produces(MediaType.APPLICATION_JSON)
class EventResource {
    private static final List<String> LANGUAGES = List.of("kk", "ru", "en");

    private final EventService events;

    EventResource(EventService events) {
        this.events = events;
    }

    @GET
    @Operation(summary = "Events with a report matching the filters, the latest report first; page starts at 1",
            description = "Each event: id, title (of a report in the reader's language where one exists: 'lang', else"
                    + " Accept-Language), first and last report, documents, sources, languages, sides, topics. The filters"
                    + " are those of /api/search; pages reach the 10,000th event (a 400 beyond).")
    public Page<EventViews.Summary> list(@QueryParam("from") @Parameter(description = "YYYY-MM-DD (UTC) or ISO-8601 instant") String from,
                                         @QueryParam("to") @Parameter(description = "YYYY-MM-DD, inclusive") String to,
                                         @QueryParam("topic") String topic,
                                         @QueryParam("q") @Parameter(description = "search syntax, as /api/search") String q,
                                         @QueryParam("lang") @Parameter(description = "kk, ru or en: the titles' language") String lang,
                                         @HeaderParam("Accept-Language") String acceptLanguage,
                                         @QueryParam("page") @DefaultValue("1") int page,
                                         @QueryParam("size") @DefaultValue("20") int size) {
        return events.list(from, to, topic, q, reader(lang, acceptLanguage), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One event with its reports, oldest first",
            description = "An id absorbed by a merge answers 200 with the surviving event, whose id differs and whose"
                    + " 'redirectedFrom' is the id asked for (no HTTP redirect: the answer is the event itself).")
    public EventViews.Detail get(@PathParam("id") String id,
                                 @QueryParam("lang") @Parameter(description = "kk, ru or en: the title's language") String lang,
                                 @HeaderParam("Accept-Language") String acceptLanguage) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no event with id '" + id + "'");
        }
        return events.byId(n, reader(lang, acceptLanguage)).orElseThrow(() -> ApiException.notFound("no event with id " + n));
    }

    /** The reader's language: {@code lang} if given, else the first of kk, ru, en in Accept-Language; null: none. */
    static String reader(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            String l = lang.trim().toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(l)) {
                throw ApiException.badRequest("'lang' is kk, ru or en");
            }
            return l;
        }
        if (acceptLanguage == null) {
            return null;
        }
        for (String part : acceptLanguage.split(",")) {
            String tag = part.split(";")[0].trim().toLowerCase(Locale.ROOT);
            String primary = tag.split("-")[0];
            if (LANGUAGES.contains(primary)) {
                return primary;
            }
        }
        return null;
    }
}
