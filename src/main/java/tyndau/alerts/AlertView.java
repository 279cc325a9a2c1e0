package tyndau.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert as the API, the event stream, webhooks and e-mails show it (docs/api.md, "Shapes": id, kind,
 * rule, topic, createdAt, status, explanation, documents). {@code explanation} is the sentence;
 * {@code numbers} holds what crossed the threshold; {@code at} is when the trigger happened in the data.
 */
public record AlertView(long id, String kind, String rule, String topic, Instant createdAt, Instant at, String status,
                        Instant acknowledgedAt, boolean historical, String explanation, Map<String, Object> numbers,
                        Map<String, String> links, List<Doc> documents, List<Delivery> deliveries) {

    /** A document the alert cites, with its role and its page in the dashboard. */
    public record Doc(long id, String title, String url, String source, Instant published, String role, String link) {
    }

    /** How delivery to one channel went; the target is shown without secrets (a webhook's origin, masked addresses). */
    public record Delivery(String channel, String target, String state, int attempts, String lastError,
                           Instant lastAttemptAt, Instant nextAttemptAt, Instant deliveredAt) {
    }
}
