package tyndau.signals;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.http.Csv;
import tyndau.index.LuceneIndex;

/** {@code GET /api/timeline}: JSON, or CSV with {@code Accept: text/csv} (or {@code format=csv}). */
@Path("/api/timeline")
class TimelineResource {
    private final TimelineService timelines;
    private final SignalsConfig config;
    private final LuceneIndex index;

    TimelineResource(TimelineService timelines, SignalsConfig config, LuceneIndex index) {
        this.timelines = timelines;
        this.config = config;
        this.index = index;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Per bucket and side: count, share of that side's documents, mean tone",
            description = "interval day|week|month (weeks start on Monday), days in `zone` (default Asia/Almaty);"
                    + " from/to YYYY-MM-DD inclusive, default the year up to the newest document. Near-duplicates count once.")
    public Response timeline(@QueryParam("topic") String topic, @QueryParam("from") String from,
                             @QueryParam("to") String to, @QueryParam("interval") String interval,
                             @QueryParam("zone") String zone, @QueryParam("format") String format,
                             @QueryParam("unit") @org.eclipse.microprofile.openapi.annotations.parameters.Parameter(
                                     description = "documents (default) or events: an event counts once per day it is"
                                             + " reported, on each side that reported it") String unit,
                             @HeaderParam(HttpHeaders.ACCEPT) String accept) {
        TimelineService.Timeline t = timelines.timeline(topic, Range.of(from, to, zone, config, index), interval,
                TimelineService.events(unit));
        boolean csv = "csv".equalsIgnoreCase(format) || (format == null && accept != null && accept.contains("text/csv")
                && !accept.contains(MediaType.APPLICATION_JSON));
        if (!csv) {
            return Response.ok(t, MediaType.APPLICATION_JSON).build();
        }
        StringBuilder out = new StringBuilder(Csv.header("date", "public_count", "public_all", "public_share", "public_tone",
                "government_count", "government_all", "government_share", "government_tone"));
        for (TimelineService.Bucket b : t.buckets()) {
            out.append(Csv.row(List.of(b.date(), Csv.number(b.publicSide().count()), Csv.number(b.publicSide().all()),
                    Csv.number(b.publicSide().share()), Csv.number(b.publicSide().tone()),
                    Csv.number(b.government().count()), Csv.number(b.government().all()),
                    Csv.number(b.government().share()), Csv.number(b.government().tone()))));
        }
        String name = "timeline-" + (topic == null ? "all" : topic) + "-" + t.from() + "-" + t.to() + ".csv";
        return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + name.replaceAll("[^A-Za-z0-9._-]", "_") + "\"")
                .build();
    }
}
