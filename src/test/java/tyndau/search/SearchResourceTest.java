package tyndau.search;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Search, topics and reindexing over HTTP against the real index. */
@QuarkusTest
@Tag("persistence")
class SearchResourceTest {
    static final String KEY = "Bearer test-api-key";
    String run;

    static void importLines(String body) {
        given().header("Authorization", KEY).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200);
    }

    static String line(String source, String role, String url, String title, String body, String published, String lang) {
        return String.format("{\"source\":\"%s\",\"role\":\"%s\",\"url\":\"%s\",\"title\":\"%s\",\"body\":\"%s\",\"published\":\"%s\",\"lang\":\"%s\"}%n",
                source, role, url, title, body, published, lang);
    }

    @BeforeEach
    void corpus() {
        run = "s" + UUID.randomUUID().toString().substring(0, 8);
        String u = "https://example.org/" + run + "/";
        importLines(line(run + "-kk", "international_media", u + "1", "Ресейден келгендер", "Шекарада Ресейден келгендер көп. Қытаймен сауда өсті.", "2023-02-06T09:00:00+06:00", "kk")
                + line(run + "-ru", "independent_media", u + "2", "Помощь Турции", "Жители собирают помощь для Турции после землетрясения.", "2023-02-07T09:00:00+06:00", "ru")
                + line(run + "-gov", "government", u + "3", "Rescuers fly to Turkey", "Kazakhstan sent rescuers and humanitarian aid to Turkey after the earthquake.", "2023-02-07T12:00:00+06:00", "en")
                + line(run + "-ru", "independent_media", u + "4", "Погода в Астане", "Ожидается снег и ветер.", "2023-02-08T09:00:00+06:00", "ru"));
    }

    @Test
    void aKazakhTermFindsItsInflectedForms() {
        JsonPath r = given().queryParam("q", "Ресей").queryParam("source", run + "-kk").get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(1, r.getInt("total"));
        assertTrue(r.getString("items[0].snippet").contains("<mark>Ресейден</mark>"), r.getString("items[0].snippet"));
    }

    @Test
    void topicFilterAndFacets() {
        JsonPath r = given().queryParam("topic", "turkey-aid").queryParam("q", "source:" + run + "-ru OR source:" + run + "-gov")
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        assertEquals(2, r.getInt("total"));
        assertEquals(1, r.getInt("facets.side.public"));
        assertEquals(1, r.getInt("facets.side.government"));
        assertEquals(2, r.getInt("facets.topic.turkey-aid"));
        assertTrue(r.getList("items.topics", List.class).stream().allMatch(t -> t.contains("turkey-aid")));
    }

    @Test
    void filtersSortAndDates() {
        given().queryParam("source", run + "-ru").queryParam("sort", "date").get("/api/search").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].title", equalTo("Погода в Астане"))
                .body("items[1].title", equalTo("Помощь Турции"));
        given().queryParam("source", run + "-ru," + run + "-gov").queryParam("from", "2023-02-07").queryParam("to", "2023-02-07")
                .get("/api/search").then().statusCode(200).body("total", equalTo(2));
        given().queryParam("side", "government").queryParam("q", "source:" + run + "-gov").get("/api/search")
                .then().body("items.side", everyItem(equalTo("government")));
    }

    @Test
    void badQueriesAre400WithWhere() {
        given().queryParam("q", "Ресей AND (").get("/api/search").then().statusCode(400)
                .body("detail", containsString("column"));
        given().queryParam("topic", "no-such-topic").get("/api/search").then().statusCode(400);
        given().queryParam("from", "yesterday").get("/api/search").then().statusCode(400);
        given().queryParam("sort", "random").get("/api/search").then().statusCode(400);
        given().queryParam("tone", "happy").get("/api/search").then().statusCode(400).body("detail", containsString("tone"));
        // A filter's repeats count once; more distinct values than a search takes is a 400, not Lucene's TooManyClauses.
        given().urlEncodingEnabled(false).queryParam("side", String.join(",", java.util.Collections.nCopies(1500, "a"))).get("/api/search")
                .then().statusCode(200);
        given().urlEncodingEnabled(false).queryParam("source", String.join(",", java.util.stream.IntStream.range(0, 300).mapToObj(i -> "s" + i).toList()))
                .get("/api/search").then().statusCode(400).body("detail", containsString("at most"));
    }

    @Test
    void snippetsAreEscaped() {
        importLines(line(run + "-x", "social", "https://example.org/" + run + "/x", "Script", "<p>Ресей &lt;script&gt;alert(1)&lt;/script&gt;</p>", "2023-02-09T09:00:00Z", "kk"));
        String snippet = given().queryParam("q", "Ресей").queryParam("source", run + "-x").get("/api/search")
                .then().statusCode(200).extract().path("items[0].snippet");
        assertTrue(!snippet.contains("<script>"), snippet);
    }

    @Test
    void editingATopicChangesItsHistoryAtOnce() {
        String id = run + "-topic";
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"label\":\"Weather\",\"query\":\"снег\",\"sensitive\":false}")
                .put("/api/topics/" + id).then().statusCode(200).body("id", equalTo(id));
        given().queryParam("topic", id).queryParam("source", run + "-ru").get("/api/search").then().body("total", equalTo(1));
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"label\":\"Weather\",\"query\":\"снег OR землетрясение\",\"sensitive\":false}")
                .put("/api/topics/" + id).then().statusCode(200);
        given().queryParam("topic", id).queryParam("source", run + "-ru").get("/api/search").then().body("total", equalTo(2));
        given().get("/api/topics").then().body("id", hasItem(id));
        given().header("Authorization", KEY).delete("/api/topics/" + id).then().statusCode(204);
        given().get("/api/topics/" + id).then().statusCode(404);
        given().get("/api/topics").then().body("id", not(hasItem(id)));
    }

    @Test
    void invalidTopicQueryIs400SayingWhere() {
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"label\":\"Broken\",\"query\":\"Ресей AND (Қытай\",\"sensitive\":false}")
                .put("/api/topics/broken").then().statusCode(400).body("detail", containsString("query"));
        given().contentType("application/json").body("{\"label\":\"x\",\"query\":\"x\"}")
                .put("/api/topics/nokey").then().statusCode(401);
    }

    @Test
    void documentShowsItsTopics() {
        long id = given().queryParam("source", run + "-gov").get("/api/documents").then().extract().jsonPath().getLong("items[0].id");
        given().get("/api/documents/" + id).then().body("topics", hasItem("turkey-aid"));
    }

    @Test
    void defaultTopicsAreLoaded() {
        given().get("/api/topics").then().statusCode(200)
                .body("id", hasItem("russia")).body("id", hasItem("china")).body("id", hasItem("ukraine"))
                .body("id", hasItem("turkey-aid")).body("id", hasItem("xinjiang"));
    }

    @Test
    void reindexRebuildsIntoANewGenerationWhileSearchesKeepWorking() throws InterruptedException {
        given().post("/api/admin/reindex").then().statusCode(401);
        // Topic edits in other tests start rebuilds of their own (topic tones): wait for those first.
        int started = 409;
        for (int i = 0; i < 400 && started == 409; i++) {
            started = given().header("Authorization", KEY).post("/api/admin/reindex").then().extract().statusCode();
            if (started == 409) {
                Thread.sleep(50);
            }
        }
        assertEquals(202, started);
        String state = "running";
        for (int i = 0; i < 200 && state.equals("running"); i++) {
            given().queryParam("q", "Ресей").queryParam("source", run + "-kk").get("/api/search")
                    .then().statusCode(200).body("total", equalTo(1));
            Thread.sleep(50);
            state = given().get("/api/admin/reindex").then().statusCode(200).extract().path("state");
        }
        assertEquals("done", state);
        JsonPath status = given().get("/api/admin/reindex").then().extract().jsonPath();
        assertEquals(status.getLong("total"), status.getLong("done"));
        given().queryParam("q", "Ресей").queryParam("source", run + "-kk").get("/api/search")
                .then().statusCode(200).body("total", equalTo(1));
    }

    @Test
    void newDocumentsArePercolatedAgainstTopics() throws InterruptedException {
        String metrics = "";
        for (int i = 0; i < 50 && !metrics.contains("tyndau_topic_matches_total{side=\"government\",topic=\"turkey-aid\"}"); i++) {
            Thread.sleep(100);
            metrics = given().get("/q/metrics").then().extract().asString();
        }
        assertTrue(metrics.contains("tyndau_topic_matches_total{side=\"government\",topic=\"turkey-aid\"}"), "percolated");
    }
}
