package tyndau.alerts;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An alert rule as the API shows and takes it. Server-sent events are always on. A webhook is
 * taken as {@code url} and {@code secret} but shown only as its {@code origin} and {@code signed},
 * and recipients are shown masked (see {@link Masking}): reads are open to anyone.
 */
public record RuleView(String id, String kind, String label, Boolean enabled, List<String> topics,
                       Map<String, Object> params, Channels channels, Boolean edited, Instant updatedAt) {

    /** Where alerts of the rule go besides the event stream. */
    public record Channels(Boolean sse, Webhook webhook, List<String> email) {
    }

    /** A webhook: the URL and the HMAC-SHA256 secret the body is signed with (in); its origin and whether it is signed (out). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Webhook(String url, String secret, String origin, Boolean signed) {
    }
}
