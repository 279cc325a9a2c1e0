package tyndau.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tyndau.document.EventRedirect;

/**
 * The events contract through HTTP (issue 31): dev's reports of 14 September to 15 October 2022 imported as lines;
 * every document carries its event in search items, the document view and both exports; /api/events lists them with
 * titles in the reader's language, pages within the depth limit, and answers an event with its reports, an absorbed
 * id with the survivor.
 */
@QuarkusTest
class EventResourceTest {
    static final String KEY = "Bearer test-api-key";
    static final String FROM = "2022-09-14";
    static final String TO = "2022-10-15";
    static String run;
    /** Report id of the labelled set → its labelled event. */
    static final Map<String, String> LABEL = new HashMap<>();
    static final List<JsonNode> REPORTS = new ArrayList<>();

    /** Once per class, from the first test (the server is not up yet in a static {@code @BeforeAll}). */
    @BeforeEach
    synchronized void importSlice() throws Exception {
        if (run != null) {
            return;
        }
        run = "evr" + UUID.randomUUID().toString().substring(0, 6);
        ObjectMapper json = new ObjectMapper();
        StringBuilder lines = new StringBuilder();
        try (InputStream in = EventResourceTest.class.getResourceAsStream("/events/dev.jsonl")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                JsonNode r = json.readTree(line);
                String day = r.get("published").asText().substring(0, 10);
                if (day.compareTo(FROM) >= 0 && day.compareTo(TO) <= 0) {
                    REPORTS.add(r);
                    LABEL.put(r.get("id").asText(), r.get("event").asText());
                    var out = json.createObjectNode();
                    out.put("source", run + "-" + r.get("source").asText());
                    out.put("role", r.get("side").asText().equals("government") ? "government" : "independent_media");
                    out.put("url", "https://example.org/" + run + "/" + r.get("id").asText());
                    out.put("title", r.get("title").asText());
                    out.put("body", r.get("text").asText());
                    out.put("published", r.get("published").asText());
                    out.put("lang", r.get("lang").asText());
                    lines.append(out).append('\n');
                }
            }
        }
        given().header("Authorization", KEY).contentType("application/x-ndjson").body(lines.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200).body("rejected", equalTo(0))
                .body("accepted", equalTo(REPORTS.size()));
    }

    /** Report id → event, from search items of the run's sources. */
    private static Map<String, Long> searched() {
        Map<String, Long> out = new HashMap<>();
        JsonPath page = given().queryParam("from", FROM).queryParam("to", TO).queryParam("size", 100).queryParam("sort", "date")
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        for (Map<String, Object> item : items) {
            String url = (String) item.get("url");
            if (url.contains("/" + run + "/")) {
                assertNotNull(item.get("event"), url);
                out.put(url.substring(url.lastIndexOf('/') + 1), ((Number) item.get("event")).longValue());
            }
        }
        return out;
    }

    @Test
    void everyDocumentCarriesItsEventInSearchDocumentAndExports() {
        Map<String, Long> events = searched();
        assertEquals(REPORTS.size(), events.size());
        Set<Long> border = new HashSet<>();
        LABEL.forEach((report, label) -> {
            if (label.equals("border-queues-mobilisation")) {
                border.add(events.get(report));
            }
        });
        assertEquals(1, border.size(), "queues at the border in kk, ru and en: one event");

        long anyEvent = events.values().iterator().next();
        List<Map<String, Object>> docs = given().get("/api/events/" + anyEvent).then().statusCode(200).extract().jsonPath().getList("reports");
        long docId = ((Number) docs.get(0).get("id")).longValue();
        assertEquals(anyEvent, given().get("/api/documents/" + docId).then().statusCode(200).extract().jsonPath().getLong("event"));

        String csv = given().queryParam("from", FROM).queryParam("to", TO).queryParam("format", "csv")
                .get("/api/export/documents").then().statusCode(200).extract().asString();
        String[] rows = csv.split("\\r?\\n");
        assertTrue(rows[0].endsWith(",tone_label,tone_confidence,event"), rows[0]);
        String jsonl = given().queryParam("from", FROM).queryParam("to", TO).queryParam("format", "jsonl")
                .get("/api/export/documents").then().statusCode(200).extract().asString();
        int withEvent = 0;
        for (String line : jsonl.split("\n")) {
            if (line.contains("/" + run + "/")) {
                JsonPath j = JsonPath.from(line);
                String url = j.getString("url");
                assertEquals(events.get(url.substring(url.lastIndexOf('/') + 1)).longValue(), j.getLong("event"));
                withEvent++;
            }
        }
        assertEquals(REPORTS.size(), withEvent);
    }

    @Test
    void listsEventsWithTitlesInTheReadersLanguage() {
        Map<String, Long> events = searched();
        long border = events.get(LABEL.entrySet().stream().filter(e -> e.getValue().equals("border-queues-mobilisation")).findFirst().orElseThrow().getKey());
        JsonPath kk = given().queryParam("from", FROM).queryParam("to", TO).queryParam("size", 100).queryParam("lang", "kk")
                .get("/api/events").then().statusCode(200).extract().jsonPath();
        assertTrue(kk.getInt("total") >= new HashSet<>(events.values()).size());
        Map<String, Object> listed = kk.<Map<String, Object>>getList("items").stream()
                .filter(e -> ((Number) e.get("id")).longValue() == border).findFirst().orElseThrow();
        assertEquals("kk", listed.get("titleLanguage"));
        assertEquals(List.of("en", "kk", "ru"), listed.get("languages"));
        assertEquals(5, listed.get("documents"));
        assertTrue(((List<?>) listed.get("sides")).contains("public"));

        JsonPath detail = given().header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8").get("/api/events/" + border)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("ru", detail.getString("titleLanguage"));
        assertEquals(5, detail.getList("reports").size());
        assertTrue(detail.get("redirectedFrom") == null);
        for (Map<String, Object> r : detail.<Map<String, Object>>getList("reports")) {
            assertNotNull(r.get("url"));
            assertNotNull(r.get("side"));
            assertNotNull(r.get("published"));
        }

        given().queryParam("page", 101).queryParam("size", 100).get("/api/events").then().statusCode(400);
        given().get("/api/events/999999999999").then().statusCode(404);
        given().queryParam("lang", "de").get("/api/events").then().statusCode(400);
        String openapi = given().get("/q/openapi").then().statusCode(200).extract().asString();
        assertTrue(openapi.contains("/api/events/{id}:") && openapi.contains("redirectedFrom"), "OpenAPI describes both endpoints");
    }

    @Test
    void anAbsorbedIdAnswersWithTheSurvivor() {
        long survivor = searched().values().iterator().next();
        long absorbed = 900_000_000_000L + (System.nanoTime() % 1_000_000);
        QuarkusTransaction.requiringNew().run(() -> {
            EventRedirect r = new EventRedirect();
            r.absorbed = absorbed;
            r.survivor = survivor;
            r.seq = 0;
            tyndau.Row.em().persist(r);
        });
        JsonPath detail = given().get("/api/events/" + absorbed).then().statusCode(200).extract().jsonPath();
        assertEquals(survivor, detail.getLong("id"));
        assertEquals(absorbed, detail.getLong("redirectedFrom"));
    }

    @Test
    void timelineInEventsCountsEachEventOncePerDayAndSide() {
        JsonPath hits = given().queryParam("from", FROM).queryParam("to", TO).queryParam("size", 100)
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        assertTrue(hits.getInt("total") <= 100, "every document of the range in one page");
        Map<String, Set<Long>> expected = new HashMap<>();
        Map<String, Integer> documents = new HashMap<>();
        for (Map<String, Object> h : hits.<Map<String, Object>>getList("items")) {
            String day = java.time.Instant.parse((String) h.get("published")).atZone(java.time.ZoneId.of("Asia/Almaty")).toLocalDate().toString();
            String key = day + "/" + h.get("side");
            expected.computeIfAbsent(key, k -> new HashSet<>()).add(((Number) h.get("event")).longValue());
            documents.merge(key, 1, Integer::sum);
        }
        JsonPath events = given().queryParam("from", FROM).queryParam("to", TO).queryParam("zone", "Asia/Almaty").queryParam("unit", "events")
                .get("/api/timeline").then().statusCode(200).extract().jsonPath();
        JsonPath docs = given().queryParam("from", FROM).queryParam("to", TO).queryParam("zone", "Asia/Almaty")
                .get("/api/timeline").then().statusCode(200).extract().jsonPath();
        boolean fewer = false;
        List<Map<String, Object>> eb = events.getList("buckets");
        List<Map<String, Object>> db = docs.getList("buckets");
        for (int i = 0; i < eb.size(); i++) {
            for (String side : List.of("public", "government")) {
                String key = eb.get(i).get("date") + "/" + side;
                int e = ((Number) ((Map<?, ?>) eb.get(i).get(side)).get("count")).intValue();
                int d = ((Number) ((Map<?, ?>) db.get(i).get(side)).get("count")).intValue();
                assertEquals(expected.getOrDefault(key, Set.of()).size(), e, key);
                assertEquals(documents.getOrDefault(key, 0).intValue(), d, key);
                fewer |= e < d;
            }
        }
        assertTrue(fewer, "some day has several reports of one event");
        given().queryParam("unit", "stories").get("/api/timeline").then().statusCode(400);
        given().queryParam("topic", "russia").queryParam("from", FROM).queryParam("to", TO).queryParam("unit", "events")
                .get("/api/responsiveness").then().statusCode(200);
        given().queryParam("topic", "russia").queryParam("unit", "stories").get("/api/responsiveness").then().statusCode(400);
    }
}
