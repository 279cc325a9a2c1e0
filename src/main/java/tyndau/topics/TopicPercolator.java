package tyndau.topics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import tyndau.index.DocumentsIndexed;
import tyndau.index.IndexSchema;

/**
 * Matches every newly indexed document against every topic (MemoryIndex, see {@link TopicMatcher})
 * and announces the matches: the feed that alerts listen to. Counts matches per topic and side.
 */
@ApplicationScoped
public class TopicPercolator {
    /** A new document and the topics it matched (empty when none). */
    public record Matched(IndexSchema.Row row, List<String> topics) {
    }

    private final TopicMatcher matcher;
    private final MeterRegistry metrics;
    private final Event<Matched> matched;

    TopicPercolator(TopicMatcher matcher, MeterRegistry metrics, Event<Matched> matched) {
        this.matcher = matcher;
        this.metrics = metrics;
        this.matched = matched;
    }

    void onIndexed(@ObservesAsync DocumentsIndexed event) {
        for (IndexSchema.Row row : event.rows()) {
            List<String> topics = matcher.topicsOf(row);
            for (String t : topics) {
                metrics.counter("tyndau.topic.matches", "topic", t, "side", row.side()).increment();
            }
            matched.fire(new Matched(row, topics));
        }
    }
}
