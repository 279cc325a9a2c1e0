package tyndau.overview;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.index.LuceneIndex;
import tyndau.responsiveness.Method;
import tyndau.responsiveness.ResponsivenessService;
import tyndau.signals.Range;
import tyndau.signals.SignalsConfig;
import tyndau.signals.TimelineService;
import tyndau.topics.TopicService;
import tyndau.topics.TopicView;
import tyndau.ui.UiConfig;

/**
 * {@code GET /api/overview}: what the dashboard's first page draws, in one request — every document's daily
 * volume, and per topic its timeline and responsiveness over the recent range and the verdict over the whole.
 */
@Path("/api/overview")
@Produces(MediaType.APPLICATION_JSON)
class OverviewResource {

    /** The whole range's verdict, without its episodes (the card shows the verdict and how many). */
    public record Verdict(String verdict, Map<String, Object> metrics) {
    }

    /** One topic's card. */
    public record Card(TopicView topic, TimelineService.Timeline timeline, ResponsivenessService.Answer recent, Verdict whole) {
    }

    public record Overview(LocalDate from, LocalDate to, LocalDate wholeFrom, LocalDate wholeTo, String zone,
                           TimelineService.Timeline documents, List<Card> topics) {
    }

    private final TopicService topics;
    private final TimelineService timelines;
    private final ResponsivenessService responsiveness;
    private final SignalsConfig signals;
    private final UiConfig ui;
    private final LuceneIndex index;

    OverviewResource(TopicService topics, TimelineService timelines, ResponsivenessService responsiveness, SignalsConfig signals,
                     UiConfig ui, LuceneIndex index) {
        this.topics = topics;
        this.timelines = timelines;
        this.responsiveness = responsiveness;
        this.signals = signals;
        this.ui = ui;
        this.index = index;
    }

    @GET
    @Operation(summary = "Every topic's card of the dashboard in one answer",
            description = "documents: all documents per day over from..to (default: tyndau.ui.overview-days ending on the"
                    + " newest document's day); topics: per topic its daily timeline and responsiveness answer over the same"
                    + " range, and the verdict and metrics over wholeFrom..wholeTo (default: from the oldest document, at most"
                    + " 20 years). Days in `zone` (default the instance's).")
    public Overview overview(@QueryParam("from") String from, @QueryParam("to") String to,
                             @QueryParam("wholeFrom") String wholeFrom, @QueryParam("wholeTo") String wholeTo,
                             @QueryParam("zone") String zone) {
        Range recent = recent(from, to, zone);
        Range whole = whole(wholeFrom, wholeTo, recent);
        Method.Params params = responsiveness.params(new ResponsivenessService.Overrides(null, null, null, null, null, null, null,
                null, null, null, null, null));
        List<Card> cards = new ArrayList<>();
        for (TopicService.Compiled t : topics.all()) {
            String id = t.topic().id();
            ResponsivenessService.Answer all = responsiveness.analyze(id, whole, params);
            cards.add(new Card(t.topic(), timelines.timeline(id, recent, "day"), responsiveness.analyze(id, recent, params),
                    new Verdict(all.verdict(), all.metrics())));
        }
        return new Overview(recent.from(), recent.to(), whole.from(), whole.to(), recent.zone().getId(),
                timelines.timeline(null, recent, "day"), cards);
    }

    private Range recent(String from, String to, String zone) {
        Range r = Range.of(from, to, zone, signals, index);
        if (from == null || from.isBlank()) {
            r = new Range(r.to().minusDays(ui.overviewDays() - 1L), r.to(), r.zone());
        }
        return r;
    }

    /** From the oldest document (or the recent range's start, if later), at most 20 years, to the recent range's end. */
    private Range whole(String from, String to, Range recent) {
        LocalDate end = to == null || to.isBlank() ? recent.to() : Range.of(to, to, recent.zone().getId(), signals, index).to();
        if (from != null && !from.isBlank()) {
            return Range.of(from, end.toString(), recent.zone().getId(), signals, index);
        }
        LocalDate oldest = Range.oldestDay(index, recent.zone());
        LocalDate limit = end.minusYears(20).plusDays(1);
        LocalDate start = oldest.isBefore(limit) ? limit : oldest.isAfter(recent.from()) ? recent.from() : oldest;
        return new Range(start.isAfter(end) ? end : start, end, recent.zone());
    }
}
