package tyndau.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tyndau.Row;
import tyndau.events.EventParameters;

/**
 * The writer gives every stored document one event (issue 31): dev's reports of 6–19 February 2023, imported through the API,
 * land in the labelled events (three languages in one, lookalikes apart), a copy joins its original's event, and an
 * assigner restored from the table (as after a restart) puts a late report into the event stored before. A report that
 * bridges two stored events merges them: the stored rows move to the older one, and the younger id redirects there.
 */
@QuarkusTest
@Tag("persistence")
class EventAssignmentTest {
    static final String KEY = "Bearer test-api-key";

    @Inject
    EventGrouping grouping;

    @Test
    void everyDocumentGetsOneEventThatRestoringKeeps() throws Exception {
        String run = "ev" + UUID.randomUUID().toString().substring(0, 6);
        List<JsonNode> reports = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/events/dev.jsonl")) {
            ObjectMapper json = new ObjectMapper();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode r = json.readTree(line);
                if (r.get("published").asText().compareTo("2023-02-06") > 0 && r.get("published").asText().compareTo("2023-02-20") < 0) {
                    reports.add(r);
                }
            }
        }
        JsonNode late = reports.stream().filter(r -> r.get("event").asText().equals("turkey-aid-250t")).reduce((a, b) -> b).orElseThrow();
        StringBuilder first = new StringBuilder();
        for (JsonNode r : reports) {
            if (r != late) {
                first.append(line(run, r, r.get("id").asText()));
            }
        }
        importLines(first.toString());

        Map<String, Long> byReport = events(run);
        assertEquals(reports.size() - 1, byReport.size());
        Map<String, Set<Long>> byLabel = new HashMap<>();
        for (JsonNode r : reports) {
            if (r != late) {
                byLabel.computeIfAbsent(r.get("event").asText(), k -> new HashSet<>()).add(byReport.get(r.get("id").asText()));
            }
        }
        assertEquals(1, byLabel.get("turkey-aid-100t").size(), "kk, ru and en reports of one shipment: one event");
        assertEquals(1, byLabel.get("turkey-rescuers").size());
        assertEquals(1, byLabel.get("turkey-aid-250t").size());
        assertNotEquals(byLabel.get("turkey-aid-100t"), byLabel.get("turkey-aid-250t"), "two shipments stay two events");

        // A copy of a report (the same text under another address) is in its original's event.
        JsonNode original = reports.get(0);
        importLines(line(run, original, "copy"));
        Map<String, Long> after = events(run);
        assertEquals(byReport.get(original.get("id").asText()), after.get("copy"));

        // As after a restart: the open events come back from the table, and the late report joins its event.
        grouping.forget();
        importLines(line(run, late, late.get("id").asText()));
        assertEquals(byLabel.get("turkey-aid-250t").iterator().next(), events(run).get(late.get("id").asText()));
    }

    /** Report id (the URL's last part) → stored event id of the run's documents; every one has an event and its version. */
    private static Map<String, Long> events(String run) {
        List<Document> stored = QuarkusTransaction.requiringNew().call(() -> Row.list(Document.class, "sourceId like ?1", run + "%"));
        Map<String, Long> out = new HashMap<>();
        for (Document d : stored) {
            assertNotNull(d.eventId, d.url);
            assertEquals(EventParameters.defaults().version(), d.eventVersion);
            out.put(d.url.substring(d.url.lastIndexOf('/') + 1), d.eventId);
        }
        return out;
    }

    /** One import line of a labelled report; sources are the run's own, government releases from a government role. */
    static String line(String run, JsonNode r, String id) {
        ObjectMapper json = new ObjectMapper();
        var out = json.createObjectNode();
        out.put("source", run + "-" + r.get("source").asText());
        out.put("role", r.get("side").asText().equals("government") ? "government" : "independent_media");
        out.put("url", "https://example.org/" + run + "/" + id);
        out.put("title", r.get("title").asText());
        out.put("body", r.get("text").asText());
        out.put("published", r.get("published").asText());
        out.put("lang", r.get("lang").asText());
        return out + "\n";
    }

    static void importLines(String lines) {
        given().header("Authorization", KEY).contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200).body("rejected", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void aBridgingReportMergesStoredEventsAndTheAbsorbedIdRedirects() {
        String run = "em" + UUID.randomUUID().toString().substring(0, 6);
        importLines(plain(run, "l", "2019-06-03T10:00:00Z", "Zarkuna Velbrino", "The delegates Zarkuna and Velbrino arrived."));
        importLines(plain(run, "r", "2019-06-03T11:00:00Z", "Quormat Delphisa", "The delegates Quormat and Delphisa arrived."));
        Map<String, Long> before = events(run);
        assertNotEquals(before.get("l"), before.get("r"), "two events before the bridge");
        importLines(plain(run, "b", "2019-06-03T12:00:00Z", "Zarkuna, Velbrino, Quormat, Delphisa",
                "The delegates Zarkuna, Velbrino, Quormat and Delphisa arrived together."));
        Map<String, Long> after = events(run);
        long survivor = Math.min(before.get("l"), before.get("r"));
        long absorbed = Math.max(before.get("l"), before.get("r"));
        assertEquals(Map.of("l", survivor, "r", survivor, "b", survivor), after, "the stored rows moved to the older event");
        EventRedirect r = QuarkusTransaction.requiringNew().call(() -> Row.find(EventRedirect.class, absorbed));
        assertNotNull(r);
        assertEquals(survivor, r.survivor);
        assertEquals(survivor, QuarkusTransaction.requiringNew().call(() -> EventRedirect.resolve(absorbed)));
        given().get("/api/events/" + absorbed).then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo((int) survivor))
                .body("redirectedFrom", org.hamcrest.Matchers.equalTo((int) absorbed)).body("documents", org.hamcrest.Matchers.equalTo(3));
    }

    /**
     * Backfill: two reports of one happening in an old period, imported apart, with a live import between them that
     * moves the assigner past its reach (so it forgets the old period), land in one event; the same when the service
     * restarts between the first report and the live import (it then restores around the live period only).
     */
    @Test
    void reportsOfAnOldPeriodImportedApartJoinOneEvent() {
        for (boolean restart : new boolean[] {false, true}) {
            String run = "bf" + UUID.randomUUID().toString().substring(0, 6);
            String day = restart ? "2017-03-14" : "2017-03-07";
            importLines(plain(run, "a", day + "T09:00:00Z", "Orvalinde Krestamor", "The envoys Orvalinde and Krestamor signed the Pelmarik accord."));
            if (restart) {
                grouping.forget();
            }
            java.time.Instant newest = QuarkusTransaction.requiringNew().call(() -> Row.em()
                    .createQuery("select max(d.publishedAt) from Document d", java.time.Instant.class).getSingleResult());
            // past everything stored (other tests' rows too), but not in the future, which an import refuses
            java.time.Instant latest = java.time.Instant.now().minusSeconds(60);
            java.time.Instant ahead = newest.plus(java.time.Duration.ofDays(8));
            String live = (ahead.isBefore(latest) ? ahead : latest).toString();
            importLines(plain(run, "live", live, "Tamborin Sajevo", "The Tamborin harbour reopened after repairs by Sajevo."));
            importLines(plain(run, "b", day + "T15:00:00Z", "Orvalinde, Krestamor", "Orvalinde and Krestamor signed the Pelmarik accord in the capital."));
            Map<String, Long> events = events(run);
            assertEquals(events.get("a"), events.get("b"), "one happening, imported apart" + (restart ? ", across a restart" : ""));
            assertNotEquals(events.get("a"), events.get("live"));
        }
    }

    private static String plain(String run, String id, String published, String title, String body) {
        return String.format("{\"source\":\"%s-%s\",\"role\":\"independent_media\",\"url\":\"https://example.org/%s/%s\","
                + "\"title\":\"%s\",\"body\":\"%s\",\"published\":\"%s\",\"lang\":\"en\"}%n", run, id, run, id, title, body, published);
    }
}
