package tyndau.search;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A saved search round trip: save, list, open (its links answer as the search did), rename, make a topic of it, delete. */
@QuarkusTest
@Tag("persistence")
class SavedSearchResourceTest {
    static final String KEY = "Bearer test-api-key";

    @Test
    void saveListOpenRenameTopicDelete() {
        String run = "ss" + UUID.randomUUID().toString().substring(0, 8);
        String word = "caspianword" + run;
        String lines = "{\"source\":\"" + run + "\",\"role\":\"independent_media\",\"url\":\"https://example.org/" + run
                + "/1\",\"title\":\"Caspian summit " + word + "\",\"body\":\"Leaders met on the Caspian shore.\",\"published\":\"2023-05-02T10:00:00Z\",\"lang\":\"en\"}\n"
                + "{\"source\":\"" + run + "-gov\",\"role\":\"government\",\"url\":\"https://example.org/" + run
                + "/2\",\"title\":\"Каспийский саммит " + word + "\",\"body\":\"Лидеры встретились.\",\"published\":\"2023-05-03T10:00:00Z\",\"lang\":\"ru\"}\n";
        given().header("Authorization", KEY).contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200);

        Map<String, Object> body = Map.of("name", "Caspian, public side " + run, "q", word, "side", "public",
                "from", "2023-05-01", "to", "2023-05-31", "sort", "date");
        given().contentType("application/json").body(body).post("/api/saved-searches").then().statusCode(401);
        JsonPath saved = given().header("Authorization", KEY).contentType("application/json").body(body)
                .post("/api/saved-searches").then().statusCode(201).extract().jsonPath();
        String id = saved.getString("id");
        assertTrue(id.startsWith("caspian-public-side-"), id);
        assertTrue(saved.getString("link").startsWith("/ui/search?q=" + word), saved.getString("link"));

        List<String> ids = given().get("/api/saved-searches").then().statusCode(200).extract().jsonPath().getList("id");
        assertTrue(ids.contains(id), ids.toString());
        JsonPath opened = given().get("/api/saved-searches/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("public", opened.getString("side"));
        // Its API link answers exactly as the search it was saved from.
        JsonPath viaLink = given().urlEncodingEnabled(false).get(opened.getString("api")).then().statusCode(200).extract().jsonPath();
        assertEquals(1, viaLink.getInt("total"));
        assertEquals("Caspian summit " + word, viaLink.getString("items[0].title"));
        given().urlEncodingEnabled(false).get(opened.getString("link")).then().statusCode(200);

        JsonPath renamed = given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("name", "Caspian, both sides", "q", word)).put("/api/saved-searches/" + id)
                .then().statusCode(200).extract().jsonPath();
        assertEquals("Caspian, both sides", renamed.getString("name"));
        assertEquals(null, renamed.getString("side"));
        assertEquals(2, given().urlEncodingEnabled(false).get(renamed.getString("api")).then().extract().jsonPath().getInt("total"));

        // One step to a topic: its query is the search's.
        JsonPath topic = given().header("Authorization", KEY).contentType("application/json").body(Map.of("id", run + "-caspian"))
                .post("/api/saved-searches/" + id + "/topic").then().statusCode(201).extract().jsonPath();
        assertEquals(word, topic.getString("query"));
        assertEquals("Caspian, both sides", topic.getString("label"));
        given().get("/api/topics/" + run + "-caspian").then().statusCode(200);
        given().header("Authorization", KEY).contentType("application/json").body(Map.of("id", run + "-caspian"))
                .post("/api/saved-searches/" + id + "/topic").then().statusCode(409);
        given().header("Authorization", KEY).delete("/api/topics/" + run + "-caspian").then().statusCode(204);

        // A search requires all its words, a topic any: the topic keeps the search's meaning.
        String two = given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("name", "two words " + run, "q", word + " summit")).post("/api/saved-searches")
                .then().statusCode(201).extract().jsonPath().getString("id");
        assertEquals(word + " AND summit", given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("id", run + "-two")).post("/api/saved-searches/" + two + "/topic").then().statusCode(201)
                .extract().jsonPath().getString("query"));
        given().header("Authorization", KEY).delete("/api/topics/" + run + "-two").then().statusCode(204);
        given().header("Authorization", KEY).delete("/api/saved-searches/" + two).then().statusCode(204);

        given().header("Authorization", KEY).delete("/api/saved-searches/" + id).then().statusCode(204);
        given().get("/api/saved-searches/" + id).then().statusCode(404);
        given().header("Authorization", KEY).delete("/api/saved-searches/" + id).then().statusCode(404);
    }

    @Test
    void aSearchThatCouldNotRunIsNotSaved() {
        given().header("Authorization", KEY).contentType("application/json").body(Map.of("name", "broken", "q", "China AND (visa"))
                .post("/api/saved-searches").then().statusCode(400);
        given().header("Authorization", KEY).contentType("application/json").body(Map.of("name", "no topic", "topic", "no-such-topic"))
                .post("/api/saved-searches").then().statusCode(400);
        given().header("Authorization", KEY).contentType("application/json").body(Map.of("q", "China"))
                .post("/api/saved-searches").then().statusCode(400);
        given().header("Authorization", KEY).contentType("application/json").body(Map.of("name", "bad date", "from", "May"))
                .post("/api/saved-searches").then().statusCode(400);
        given().header("Authorization", KEY).contentType("application/json").body(Map.of("name", "long side", "side", "x".repeat(300)))
                .post("/api/saved-searches").then().statusCode(400);
        given().header("Authorization", KEY).contentType("application/json").body(Map.of("name", "bad tone", "tone", "happy"))
                .post("/api/saved-searches").then().statusCode(400);
        // The tone filter is kept and travels in both links.
        String toned = given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("name", "bad news", "q", "China", "tone", "negative,neutral")).post("/api/saved-searches")
                .then().statusCode(201).extract().jsonPath().getString("id");
        JsonPath t = given().get("/api/saved-searches/" + toned).then().statusCode(200).extract().jsonPath();
        assertEquals("negative,neutral", t.getString("tone"));
        assertTrue(t.getString("api").contains("tone=negative%2Cneutral"), t.getString("api"));
        assertTrue(t.getString("link").contains("tone=negative%2Cneutral"), t.getString("link"));
        given().header("Authorization", KEY).delete("/api/saved-searches/" + toned).then().statusCode(204);
        // An instant is kept as its day, as a search reads it.
        String id = given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("name", "instant", "from", "2023-05-01T00:00:00Z")).post("/api/saved-searches")
                .then().statusCode(201).extract().jsonPath().getString("id");
        assertEquals("2023-05-01", given().get("/api/saved-searches/" + id).then().extract().jsonPath().getString("from"));
        given().header("Authorization", KEY).delete("/api/saved-searches/" + id).then().statusCode(204);
    }
}
