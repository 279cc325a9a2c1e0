package tyndau.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Iterator;
import java.util.Locale;
import java.util.Set;
import org.jsoup.select.QueryParser;
import tyndau.http.ApiException;

/**
 * A source as written by a user (POST/PUT /api/sources) or by feeds/sources.yml. {@link #validate}
 * says what is wrong in a 400; {@link #applyTo} copies a valid input onto the entity.
 */
public record SourceInput(String id, String name, String type, String url, String role, String language, String timeZone,
                          String pollInterval, Boolean enabled, JsonNode selectors) {

    static final Set<String> TYPES = Set.of("rss", "atom", "html", "archive");
    static final Set<String> SELECTOR_KEYS = Set.of("links", "title", "date", "body", "author");
    static final Duration SHORTEST_INTERVAL = Duration.ofMinutes(1);

    /** Checks every field; throws a 400 naming the first one that is wrong. */
    public void validate() {
        if (id == null || !Source.ID_PATTERN.matcher(id).matches()) {
            throw ApiException.badRequest("'id' must be a slug: lower-case letters, digits, '.', '_' or '-', at most 64");
        }
        if (name == null || name.isBlank() || name.length() > 255) {
            throw ApiException.badRequest("'name' is required (at most 255 characters)");
        }
        if (type == null || !TYPES.contains(type)) {
            throw ApiException.badRequest("'type' must be one of rss, atom, html, archive");
        }
        if (!"archive".equals(type)) {
            checkUrl(url);
        } else if (url != null && !url.isBlank()) {
            checkUrl(url);
        }
        if (role == null || SourceRole.parse(role).isEmpty()) {
            throw ApiException.badRequest("'role' must be one of " + SourceRole.allWireNames());
        }
        if (language != null && !language.matches("[a-z]{2,3}")) {
            throw ApiException.badRequest("'language' must be an ISO 639 code such as en, ru, kk");
        }
        try {
            zone();
        } catch (DateTimeException e) {
            throw ApiException.badRequest("'timeZone' is not a time zone: " + timeZone);
        }
        Duration interval;
        try {
            interval = interval();
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("'pollInterval' must be an ISO-8601 duration such as PT30M");
        }
        if (interval.compareTo(SHORTEST_INTERVAL) < 0) {
            throw ApiException.badRequest("'pollInterval' must be at least PT1M");
        }
        checkSelectors();
    }

    private static void checkUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("'url' is required for rss, atom and html sources");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (java.net.URISyntaxException e) {
            throw ApiException.badRequest("'url' is not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw ApiException.badRequest("'url' must be an absolute http or https URL");
        }
        if (url.length() > 2048) {
            throw ApiException.badRequest("'url' is longer than 2048 characters");
        }
    }

    private void checkSelectors() {
        if (selectors == null || selectors.isNull()) {
            return;
        }
        if (!selectors.isObject()) {
            throw ApiException.badRequest("'selectors' must be an object with keys " + SELECTOR_KEYS);
        }
        for (Iterator<String> it = selectors.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!SELECTOR_KEYS.contains(key)) {
                throw ApiException.badRequest("'selectors." + key + "' is not known; use " + SELECTOR_KEYS);
            }
            JsonNode v = selectors.get(key);
            if (v.isNull()) {
                continue;
            }
            if (!v.isTextual() || v.asText().isBlank()) {
                throw ApiException.badRequest("'selectors." + key + "' must be a CSS selector string");
            }
            try {
                QueryParser.parse(v.asText());
            } catch (RuntimeException e) {
                throw ApiException.badRequest("'selectors." + key + "' is not a valid CSS selector: " + e.getMessage());
            }
        }
        if (selectors.toString().length() > 8000) {
            throw ApiException.badRequest("'selectors' is too long");
        }
    }

    ZoneId zone() {
        return ZoneId.of(timeZone == null || timeZone.isBlank() ? "UTC" : timeZone);
    }

    Duration interval() {
        return Duration.parse(pollInterval == null || pollInterval.isBlank() ? "PT30M" : pollInterval);
    }

    /** Copies a validated input onto {@code s}; health and fetch state are left as they are. */
    void applyTo(Source s) {
        s.id = id;
        s.name = name.trim();
        s.type = type;
        s.url = url == null || url.isBlank() ? null : url.trim();
        s.role = SourceRole.parse(role).orElseThrow();
        s.language = language;
        s.timeZone = zone().getId();
        s.pollInterval = interval().toString();
        s.enabled = enabled == null || enabled;
        s.selectors = selectors == null || selectors.isNull() ? null : selectors.toString();
    }
}
