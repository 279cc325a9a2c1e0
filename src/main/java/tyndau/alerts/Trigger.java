package tyndau.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What a rule found, ready to be raised once: {@code key} is deterministic (rule, topic and the
 * episode's first day, or the grouping window's first document), so finding it again raises nothing.
 */
record Trigger(String key, Rule rule, String topic, Instant at, boolean historical, String explanation,
               Map<String, Object> numbers, List<Cite> documents, Instant windowStart, Instant windowEnd) {

    /** A document to cite; {@code onceKey} (rule|topic|document) is set for the documents of document rules. */
    record Cite(long documentId, String role, String onceKey) {
    }
}
