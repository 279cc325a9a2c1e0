package tyndau.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import tyndau.http.ApiException;

/** What a source written by a user or by feeds/sources.yml must be, field by field, and what is stored of it. */
class SourceInputTest {
    static final ObjectMapper JSON = new ObjectMapper();

    static SourceInput rss() {
        return new SourceInput("mfa-kz", "Ministry of Foreign Affairs", "rss", "https://www.gov.kz/mfa/rss", "government",
                "kk", "Asia/Almaty", "PT30M", null, null);
    }

    static SourceInput with(String field, Object value) {
        return with(rss(), field, value);
    }

    /** {@code s} with one field replaced. */
    static SourceInput with(SourceInput s, String field, Object value) {
        return new SourceInput(
                field.equals("id") ? (String) value : s.id(),
                field.equals("name") ? (String) value : s.name(),
                field.equals("type") ? (String) value : s.type(),
                field.equals("url") ? (String) value : s.url(),
                field.equals("role") ? (String) value : s.role(),
                field.equals("language") ? (String) value : s.language(),
                field.equals("timeZone") ? (String) value : s.timeZone(),
                field.equals("pollInterval") ? (String) value : s.pollInterval(),
                field.equals("enabled") ? (Boolean) value : s.enabled(),
                field.equals("selectors") ? (JsonNode) value : s.selectors());
    }

    /** The 400 {@code validate} throws; its detail names the field first. */
    static String refusal(SourceInput in) {
        ApiException e = assertThrows(ApiException.class, in::validate, "accepted: " + in);
        assertEquals(400, e.status());
        return e.getMessage();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalArgumentException(text, e);
        }
    }

    @Test
    void aCompleteFeedSourceIsValid() {
        rss().validate();
        with("language", null).validate();
        with("timeZone", null).validate();
        with("pollInterval", "PT1M").validate();
        with("selectors", json("{\"links\":\"a.story\",\"title\":null}")).validate();
    }

    @Test
    void theIdIsASlugOfAtMost64Characters() {
        with("id", "a" + "b".repeat(63)).validate();
        for (String bad : new String[] {null, "", "Mfa", "mfa kz", "-mfa", "mfa/kz", "a" + "b".repeat(64)}) {
            assertTrue(refusal(with("id", bad)).startsWith("'id' must be a slug"), bad);
        }
    }

    @Test
    void nameTypeAndRoleAreRequiredAndNamed() {
        assertTrue(refusal(with("name", " ")).startsWith("'name' is required"));
        assertTrue(refusal(with("name", "x".repeat(256))).startsWith("'name' is required"));
        assertEquals("'type' must be one of rss, atom, html, archive", refusal(with("type", "json")));
        assertEquals("'role' must be one of government, state_media, independent_media, international_media, civil_society, social",
                refusal(with("role", "press")));
        assertTrue(refusal(with("role", null)).startsWith("'role'"));
    }

    @Test
    void aFetchedSourceNeedsAnAbsoluteHttpUrlAnArchiveNone() {
        assertEquals("'url' is required for rss, atom and html sources", refusal(with("url", null)));
        assertEquals("'url' is required for rss, atom and html sources", refusal(with(with("type", "html"), "url", "  ")));
        assertEquals("'url' must be an absolute http or https URL", refusal(with("url", "ftp://example.org/feed")));
        assertEquals("'url' must be an absolute http or https URL", refusal(with("url", "/feed.xml")));
        assertTrue(refusal(with("url", "https://exa mple.org/")).startsWith("'url' is not a URL"));
        assertEquals("'url' is longer than 2048 characters", refusal(with("url", "https://example.org/" + "a".repeat(2030))));
        with(with("type", "archive"), "url", null).validate();
        assertEquals("'url' must be an absolute http or https URL", refusal(with(with("type", "archive"), "url", "file:///etc/passwd")));
    }

    @Test
    void languageZoneAndIntervalMustBeWhatTheySay() {
        assertTrue(refusal(with("language", "english")).startsWith("'language' must be an ISO 639 code"));
        assertEquals("'timeZone' is not a time zone: Mars/Olympus", refusal(with("timeZone", "Mars/Olympus")));
        assertEquals("'pollInterval' must be an ISO-8601 duration such as PT30M", refusal(with("pollInterval", "30 minutes")));
        assertEquals("'pollInterval' must be at least PT1M", refusal(with("pollInterval", "PT59S")));
    }

    @Test
    void selectorsAreAnObjectOfKnownKeysHoldingValidCss() {
        assertTrue(refusal(with("selectors", json("[\"a\"]"))).startsWith("'selectors' must be an object"));
        assertTrue(refusal(with("selectors", json("{\"price\":\"span\"}"))).startsWith("'selectors.price' is not known"));
        assertEquals("'selectors.title' must be a CSS selector string", refusal(with("selectors", json("{\"title\":3}"))));
        assertEquals("'selectors.title' must be a CSS selector string", refusal(with("selectors", json("{\"title\":\" \"}"))));
        assertTrue(refusal(with("selectors", json("{\"body\":\"div[\"}"))).startsWith("'selectors.body' is not a valid CSS selector"));
        com.fasterxml.jackson.databind.node.ObjectNode huge = JSON.createObjectNode();
        for (String key : SourceInput.SELECTOR_KEYS) {
            huge.put(key, "a[title=\"" + "y".repeat(1700) + "\"]"); // each valid; together more than 8000 characters
        }
        assertEquals("'selectors' is too long", refusal(with("selectors", huge)));
    }

    @Test
    void applyingFillsDefaultsTrimsAndLeavesHealthAlone() {
        Source s = new Source();
        s.consecutiveFailures = 4;
        s.lastError = "HTTP 503";
        new SourceInput("kursiv", "  Kursiv  ", "rss", " https://kz.kursiv.media/feed/ ", "Independent-Media", null, null, null,
                null, json("{\"links\":\"a\"}")).applyTo(s);
        assertEquals("kursiv", s.id);
        assertEquals("Kursiv", s.name);
        assertEquals("https://kz.kursiv.media/feed/", s.url);
        assertEquals(SourceRole.INDEPENDENT_MEDIA, s.role);
        assertEquals("UTC", s.timeZone);
        assertEquals("PT30M", s.pollInterval);
        assertTrue(s.enabled, "a source is enabled unless it says otherwise");
        assertEquals("{\"links\":\"a\"}", s.selectors);
        assertEquals(4, s.consecutiveFailures, "health is the poller's, not the editor's");
        assertEquals("HTTP 503", s.lastError);

        new SourceInput("kursiv", "Kursiv", "archive", "  ", "social", "ru", "Asia/Almaty", "PT2H", false, null).applyTo(s);
        assertNull(s.url, "a blank URL is no URL");
        assertNull(s.selectors);
        assertFalse(s.enabled);
        assertEquals("Asia/Almaty", s.timeZone);
        assertEquals("PT2H", s.pollInterval);
    }
}
