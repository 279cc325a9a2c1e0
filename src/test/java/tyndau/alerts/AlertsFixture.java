package tyndau.alerts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * What alert tests share: a run id that makes topics, rules, sources and URLs unique (a kept
 * PostgreSQL outlives runs), topics whose query is one invented word, rules, imports, and bounded polls.
 */
final class AlertsFixture {
    static final String KEY = "Bearer test-api-key";
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    final String run = "a" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private int n;

    /** A topic whose query is one invented word; answers the word. */
    String topic(String id, boolean sensitive) {
        String word = word(id);
        given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("label", "Topic " + id, "query", word, "sensitive", sensitive))
                .put("/api/topics/" + id(id)).then().statusCode(200);
        return word;
    }

    String id(String name) {
        return run + "-" + name;
    }

    /** The word a topic of {@link #topic} matches: letters only, so every analyser keeps it whole. */
    String word(String name) {
        return ("w" + run + name).replaceAll("[^a-z]", "q");
    }

    static void rule(Map<String, Object> body) {
        given().header("Authorization", KEY).contentType("application/json").body(body)
                .post("/api/alert-rules").then().statusCode(201);
    }

    /** One import line about {@code word}. */
    String line(String side, String word, Instant published, String title) {
        String source = "government".equals(side) ? run + "-gov" : run + "-news";
        String role = "government".equals(side) ? "government" : "independent_media";
        return String.format("{\"source\":\"%s\",\"role\":\"%s\",\"url\":\"https://example.org/%s/%d\",\"title\":\"%s\","
                        + "\"body\":\"Statement about %s and its consequences.\",\"published\":\"%s\",\"lang\":\"en\"}%n",
                source, role, run, ++n, title, word, published);
    }

    static JsonPath importLines(String body) {
        return given().header("Authorization", KEY).contentType("application/x-ndjson")
                .body(body.getBytes(StandardCharsets.UTF_8)).post("/api/import").then().statusCode(200).extract().jsonPath();
    }

    static Instant almaty(LocalDate day, int hour, int minute) {
        return day.atTime(hour, minute).atZone(ALMATY).toInstant();
    }

    static LocalDate today() {
        return LocalDate.now(ALMATY);
    }

    /** The alerts of one rule (all pages' worth for a test: at most 200), newest trigger first. */
    static List<Map<String, Object>> alerts(String rule) {
        return given().queryParam("rule", rule).queryParam("size", 200).get("/api/alerts")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static JsonPath evaluate() {
        return given().header("Authorization", KEY).post("/api/alerts/evaluate").then().statusCode(200).extract().jsonPath();
    }

    /** Polls {@code read} until {@code done} holds or the time is up; answers the last value read. */
    static <T> T await(java.util.function.Supplier<T> read, Predicate<T> done, Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        T v = read.get();
        while (!done.test(v) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            v = read.get();
        }
        return v;
    }

    static void assertCount(int expected, List<?> items, String what) {
        assertEquals(expected, items.size(), what + ": " + items);
    }
}
