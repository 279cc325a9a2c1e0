package tyndau.signals;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.Query;
import tyndau.index.DailyCounts;
import tyndau.index.LuceneIndex;
import tyndau.topics.TopicService;
import tyndau.http.ApiException;

/** Per bucket and side: documents on a topic, their share of all that side's documents, mean tone. */
@ApplicationScoped
public class TimelineService {

    /**
     * One side in one bucket; {@code share} is 0 when the side has no document at all in the bucket;
     * {@code tone} averages only the documents the scorer could read, {@code untoned} counts the others.
     */
    public record SideValue(long count, long all, double share, Double tone, long untoned) {
    }

    /** One bucket; {@code date} is its first day. */
    public record Bucket(String date, @JsonProperty("public") SideValue publicSide, SideValue government) {
    }

    /** The answer of {@code GET /api/timeline}; {@code undateable} counts topic documents left out per side. */
    public record Timeline(String topic, LocalDate from, LocalDate to, String interval, String zone,
                           Map<String, Long> undateable, List<Bucket> buckets) {
    }

    private final LuceneIndex index;
    private final TopicService topics;

    TimelineService(LuceneIndex index, TopicService topics) {
        this.index = index;
        this.topics = topics;
    }

    /** After the index opened: its rollups are kept in the instance's zone. */
    void onStart(@Observes @Priority(3000) StartupEvent start, SignalsConfig signals) {
        index.rollupZone(signals.timeZone());
    }

    /** The topic's query; no topic means every document. */
    public Query topicQuery(String topic) {
        if (topic == null || topic.isBlank()) {
            return new MatchAllDocsQuery();
        }
        return topics.byId(topic).map(TopicService.Compiled::query)
                .orElseThrow(() -> ApiException.badRequest("no topic '" + topic + "'"));
    }

    public Timeline timeline(String topic, Range range, String interval) {
        return timeline(topic, range, interval, false);
    }

    /** As {@link #timeline(String, Range, String)}; {@code events}: counts are distinct events, not documents (issue 31). */
    public Timeline timeline(String topic, Range range, String interval, boolean events) {
        return timeline(topic, topicQuery(topic), topic == null || topic.isBlank() ? null : topic, range, interval, events);
    }

    /** {@code unit=documents} (default) or {@code unit=events}: whether signals count events. */
    public static boolean events(String unit) {
        if (unit == null || unit.isBlank() || unit.equalsIgnoreCase("documents")) {
            return false;
        }
        if (unit.equalsIgnoreCase("events")) {
            return true;
        }
        throw ApiException.badRequest("'unit' is documents or events");
    }

    /**
     * The timeline of any query (a topic being edited, before it is saved): {@code label} names it in the
     * answer; {@code toneTopic} is the stored topic whose sentence tones to use, or null for document tones.
     */
    public Timeline timeline(String label, Query q, String toneTopic, Range range, String interval) {
        return timeline(label, q, toneTopic, range, interval, false);
    }

    /**
     * As {@link #timeline(String, Query, String, Range, String)}; {@code events}: per day and side the distinct events
     * reported (DailyCounts#countEvents, one pass over the range's documents: the rollups hold documents only), so a
     * bucket longer than a day adds an event once per day it was reported.
     */
    public Timeline timeline(String label, Query q, String toneTopic, Range range, String interval, boolean events) {
        java.util.function.LongUnaryOperator resolve = events ? tyndau.document.EventRedirect.resolver() : null;
        String iv = interval == null || interval.isBlank() ? "day" : interval.toLowerCase(Locale.ROOT);
        if (!List.of("day", "week", "month").contains(iv)) {
            throw ApiException.badRequest("'interval' is day, week or month");
        }
        String topic = label;
        return index.withSearcher(searcher -> {
            // A stored topic (or every document) reads the index's rollups; a query being edited is counted.
            boolean stored = toneTopic != null || q instanceof MatchAllDocsQuery;
            Map<LocalDate, DailyCounts.Day> days = events
                    ? DailyCounts.countEvents(searcher, q, toneTopic, range.start(), range.end(), range.zone(), resolve)
                    : stored
                    ? index.daily(searcher, toneTopic, q, range.start(), range.end(), range.zone())
                    : DailyCounts.count(searcher, q, toneTopic, range.start(), range.end(), range.zone());
            Map<LocalDate, long[]> buckets = new LinkedHashMap<>();
            for (LocalDate d = range.from(); !d.isAfter(range.to()); d = d.plusDays(1)) {
                long[] b = buckets.computeIfAbsent(bucketOf(d, iv), k -> new long[4]);
                DailyCounts.Day day = days.get(d);
                if (day != null) {
                    for (int s = 0; s < 2; s++) {
                        b[s * 2] += day.topic[s];
                        b[s * 2 + 1] += day.all[s];
                    }
                }
            }
            Map<LocalDate, double[]> tones = new LinkedHashMap<>();
            for (Map.Entry<LocalDate, DailyCounts.Day> e : days.entrySet()) {
                double[] t = tones.computeIfAbsent(bucketOf(e.getKey(), iv), k -> new double[4]);
                for (int s = 0; s < 2; s++) {
                    t[s * 2] += e.getValue().toneSum[s];
                    t[s * 2 + 1] += e.getValue().toneCount[s];
                }
            }
            List<Bucket> out = new ArrayList<>();
            for (Map.Entry<LocalDate, long[]> e : buckets.entrySet()) {
                long[] b = e.getValue();
                double[] t = tones.getOrDefault(e.getKey(), new double[4]);
                out.add(new Bucket(e.getKey().toString(), side(b[0], b[1], t[0], t[1]), side(b[2], b[3], t[2], t[3])));
            }
            long[] u = stored ? index.undateable(searcher, toneTopic, q, range.zone())
                    : DailyCounts.undateable(searcher, q);
            Map<String, Long> undateable = new LinkedHashMap<>();
            undateable.put("public", u[0]);
            undateable.put("government", u[1]);
            return new Timeline(topic, range.from(), range.to(), iv, range.zone().getId(), undateable, out);
        });
    }

    private static SideValue side(long count, long all, double toneSum, double toneCount) {
        double share = all == 0 ? 0 : Math.round(count * 1e6 / all) / 1e6;
        Double tone = toneCount == 0 ? null : Math.round(toneSum / toneCount * 1e4) / 1e4;
        return new SideValue(count, all, share, tone, Math.max(0, count - (long) toneCount));
    }

    static LocalDate bucketOf(LocalDate d, String interval) {
        return switch (interval) {
            case "week" -> d.with(DayOfWeek.MONDAY);
            case "month" -> d.withDayOfMonth(1);
            default -> d;
        };
    }
}
