package tyndau.preview;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tyndau.WithArchive;

/** The topic editor's preview, on the bundled archive: what a query would catch, before saving, agreeing with the API. */
@QuarkusTest
@TestProfile(WithArchive.class)
class TopicPreviewTest {
    @TestHTTPResource("/")
    URL root;

    static final String QUERY = "Қытай OR Китай OR China OR Chinese";

    @BeforeEach
    void ready() throws InterruptedException {
        WithArchive.awaitReady();
    }

    static JsonPath preview(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/topics/preview")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void countsSamplesAndTimelineAgreeWithSearchAndTheSavedTopic() {
        int topicsBefore = given().get("/api/topics").then().extract().jsonPath().getList("$").size();
        JsonPath p = preview(Map.of("query", QUERY, "from", "2022-01-01", "to", "2023-12-31", "interval", "month", "compareTo", "china"));
        long total = p.getLong("total");
        assertTrue(total > 50, "the archive has China stories: " + total);
        long search = given().queryParam("q", QUERY).queryParam("from", "2022-01-01").queryParam("to", "2023-12-31")
                .get("/api/search").then().statusCode(200).extract().jsonPath().getLong("total");
        assertEquals(search, total, "the preview counts what a search with the same query and range finds");
        long byLanguage = p.<String, Integer>getMap("byLanguage").values().stream().mapToLong(Integer::longValue).sum();
        assertEquals(total, byLanguage);
        for (String lang : List.of("kk", "ru", "en")) {
            List<Map<String, Object>> samples = p.getList("samples." + lang);
            assertTrue(samples.size() <= 10, lang);
            long inLanguage = p.getLong("byLanguage." + lang);
            assertEquals(Math.min(10, inLanguage), samples.size(), lang + ": ten, or all there are");
            for (Map<String, Object> s : samples) {
                assertEquals(lang, s.get("language"));
                assertTrue(String.valueOf(s.get("snippet")).contains("<mark>"), "highlighted: " + s);
            }
        }
        long drawn = 0;
        for (Map<String, Object> b : p.<Map<String, Object>>getList("timeline.buckets")) {
            drawn += ((Number) ((Map<?, ?>) b.get("public")).get("count")).longValue()
                    + ((Number) ((Map<?, ?>) b.get("government")).get("count")).longValue();
        }
        assertTrue(drawn > 0 && drawn <= total, "the timeline counts each story once, on either side: " + drawn);
        JsonPath saved = given().queryParam("topic", "china").queryParam("from", "2022-01-01").queryParam("to", "2023-12-31")
                .queryParam("interval", "month").get("/api/timeline").then().statusCode(200).extract().jsonPath();
        assertEquals(saved.getList("buckets"), p.getList("saved.buckets"), "the saved topic's timeline, as the API draws it");
        assertEquals(topicsBefore, given().get("/api/topics").then().extract().jsonPath().getList("$").size(), "nothing stored");
    }

    static List<String> forms(JsonPath p, String lang) {
        return p.<Map<String, Object>>getList("forms." + lang).stream().map(f -> (String) f.get("form")).toList();
    }

    @Test
    void showsTheFormsEachWordMatchedPerLanguage() {
        String lines = """
                {"source":"preview-forms","role":"independent_media","url":"https://example.org/preview-forms/1","title":"Паводок в Кульсарах","body":"Вода подошла к Кульсарам, паводки отрезали трассу.","published":"2024-05-02T10:00:00+05:00","lang":"ru"}
                {"source":"preview-forms","role":"independent_media","url":"https://example.org/preview-forms/2","title":"Паводковая обстановка","body":"Спасатели прибыли в Кульсары, уровень паводка растет.","published":"2024-05-03T10:00:00+05:00","lang":"ru"}
                """;
        given().header("Authorization", "Bearer " + WithArchive.API_KEY).contentType("application/x-ndjson")
                .body(lines.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/import").then().statusCode(200);
        JsonPath p = preview(Map.of("query", "паводок Кульсары", "from", "2024-05-01", "to", "2024-05-31"));
        assertEquals(2, p.getLong("total"));
        List<String> ru = forms(p, "ru");
        assertTrue(ru.containsAll(List.of("паводок", "паводки", "паводка", "кульсарах", "кульсарам", "кульсары")),
                "every form as written, a name the dictionary does not know included: " + ru);
        assertTrue(ru.stream().noneMatch(f -> f.startsWith("паводков")), "not the adjective: " + ru);
        Map<String, Object> first = p.<Map<String, Object>>getList("forms.ru").get(0);
        assertTrue(((Number) first.get("documents")).intValue() >= 1, first.toString());
        assertTrue(forms(p, "kk").isEmpty() && forms(p, "en").isEmpty());
        List<String> derived = forms(preview(Map.of("query", "паводок~", "from", "2024-05-01", "to", "2024-05-31")), "ru");
        assertTrue(derived.contains("паводковая") && derived.contains("паводки"), "паводок~ asks for derived words: " + derived);
        List<String> china = forms(preview(Map.of("query", "Китай Қытай China", "from", "2022-01-01", "to", "2023-12-31")), "kk");
        assertTrue(!china.isEmpty() && china.stream().allMatch(f -> f.startsWith("қытай")), "Kazakh forms too: " + china);
    }

    @Test
    void aSyntaxErrorNamesTheColumnAndNoKeyIsNeeded() {
        String detail = given().contentType("application/json").body(Map.of("query", "China AND (visa"))
                .post("/api/topics/preview").then().statusCode(400).extract().jsonPath().getString("detail");
        assertTrue(detail.contains("column"), detail);
        JsonPath none = preview(Map.of("query", "zzzqqqxxx"));
        assertEquals(0, none.getLong("total"));
        assertNull(none.get("saved"));
        given().contentType("application/json").body(Map.of("query", "China", "compareTo", "no-such-topic"))
                .post("/api/topics/preview").then().statusCode(400);
    }

    /**
     * Measured, not asserted (docs/topics-and-search.md, "Topics"): the editor calls it at each pause in typing. The client
     * is the JDK's HttpClient reading the whole answer (as the browser does), so the figures are the service's
     * and the transfer's, not a JSON-path library's.
     */
    @Test
    void latencyOnTheBundledArchive() throws Exception {
        List<String> queries = List.of("Қытай*", "Китай* OR China", "Ресей* OR Россия OR Russia", "Украин* OR Ukraine",
                "Түркия* OR Турция OR Turkey", "visa AND China", "санкци* OR sanctions", "\"Belt and Road\"");
        HttpClient client = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        java.util.function.Function<String, HttpRequest> request = q -> {
            try {
                return HttpRequest.newBuilder(root.toURI().resolve("/api/topics/preview")).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("query", q, "compareTo", "china"))))
                        .build();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        for (int round = 0; round < 5; round++) { // warm-up (the JIT compiles the hot paths meanwhile), not counted
            for (String q : queries) {
                client.send(request.apply(q), HttpResponse.BodyHandlers.ofByteArray());
            }
        }
        List<Long> ms = new ArrayList<>();
        String slowest = null;
        long slowestMs = -1;
        long bytes = 0;
        for (int round = 0; round < 25; round++) {
            for (String q : queries) {
                long t0 = System.nanoTime();
                HttpResponse<byte[]> r = client.send(request.apply(q), HttpResponse.BodyHandlers.ofByteArray());
                long took = (System.nanoTime() - t0) / 1_000_000;
                assertEquals(200, r.statusCode());
                bytes += r.body().length;
                ms.add(took);
                if (took > slowestMs) {
                    slowestMs = took;
                    slowest = q;
                }
            }
        }
        ms.sort(null);
        System.out.printf("topic preview on the bundled archive, %d calls over HTTP: p50 %d ms, p99 %d ms, max %d ms, %d KB per answer%n",
                ms.size(), ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.99) - 1), ms.get(ms.size() - 1),
                bytes / ms.size() / 1024);
        System.out.printf("slowest: %s (%d ms)%n", slowest, slowestMs);
    }
}
