package tyndau.topics;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.ObservesAsync;
import java.util.List;
import tyndau.index.DocumentsIndexed;
import tyndau.document.DocumentRow;

/**
 * Announces every newly indexed document with the topics its one reading matched (carried on the
 * row, never matched again): the feed that alerts listen to. Counts matches per topic and side.
 */
@ApplicationScoped
public class TopicPercolator {
    /** A new document and the topics it matched (empty when none). */
    public record Matched(DocumentRow row, List<String> topics) {
    }

    private final MeterRegistry metrics;
    private final Event<Matched> matched;

    TopicPercolator(MeterRegistry metrics, Event<Matched> matched) {
        this.metrics = metrics;
        this.matched = matched;
    }

    void onIndexed(@ObservesAsync DocumentsIndexed event) {
        for (DocumentRow row : event.rows()) {
            List<String> topics = row.topics();
            for (String t : topics) {
                metrics.counter("tyndau.topic.matches", "topic", t, "side", row.side()).increment();
            }
            matched.fire(new Matched(row, topics));
        }
    }
}
