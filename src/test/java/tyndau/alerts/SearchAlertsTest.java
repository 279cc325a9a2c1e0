package tyndau.alerts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The new-match rule: a saved search watched for new matching documents; each document raises at most once. */
@QuarkusTest
@TestProfile(AlertsTestProfile.class)
@Tag("persistence")
class SearchAlertsTest {

    /** Saves a search (its body: name, q, filters) under {@code search} and a new-match rule {@code rule} watching it. */
    private static void watch(String search, String rule, Map<String, Object> body) {
        Map<String, Object> saved = new java.util.HashMap<>(body);
        saved.put("id", search);
        given().header("Authorization", AlertsFixture.KEY).contentType("application/json").body(saved)
                .post("/api/saved-searches").then().statusCode(201);
        AlertsFixture.rule(Map.of("id", rule, "kind", "new-match", "params", Map.of("savedSearch", search)));
    }

    @Test
    void newDocumentsMatchingASavedSearchRaiseOneAlertEachTimeAndNeverTwice() throws Exception {
        AlertsFixture f = new AlertsFixture();
        String word = f.word("pipeline");
        String search = f.id("pipeline-search");
        String rule = f.id("watch");
        watch(search, rule, Map.of("name", "Pipeline, public side", "q", word, "side", "public"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        AlertsFixture.importLines(f.line("public", word, now.minus(Duration.ofHours(2)), "Pipeline protest")
                + f.line("public", word, now.minus(Duration.ofHours(1)), "Pipeline protest grows")
                + f.line("government", word, now.minus(Duration.ofMinutes(50)), "Ministry on the pipeline")
                + f.line("public", word, now.minus(Duration.ofDays(60)), "Old pipeline story"));
        AlertsFixture.evaluate();
        List<Map<String, Object>> alerts = AlertsFixture.alerts(rule);
        AlertsFixture.assertCount(1, alerts, "the two new public documents are one alert; the government one and old news none");
        JsonPath a = given().get("/api/alerts/" + alerts.get(0).get("id")).then().statusCode(200).extract().jsonPath();
        assertEquals("new-match", a.getString("kind"));
        assertEquals("search:" + search, a.getString("topic"));
        assertEquals(List.of("Pipeline protest", "Pipeline protest grows"), a.getList("documents.title"));
        assertEquals(List.of("match", "match"), a.getList("documents.role"));
        assertEquals(2, a.getInt("numbers.documents"));
        assertEquals(search, a.getString("numbers.savedSearch"));
        assertEquals("/api/saved-searches/" + search, a.getString("links.savedSearch"));
        assertTrue(a.getString("explanation").startsWith("2 new documents match the saved search \"Pipeline, public side\""),
                a.getString("explanation"));

        // Evaluated again: nothing new. A new document: one more alert, with it alone.
        AlertsFixture.evaluate();
        AlertsFixture.assertCount(1, AlertsFixture.alerts(rule), "no document raises twice");
        AlertsFixture.importLines(f.line("public", word, now.minus(Duration.ofMinutes(5)), "Pipeline: the latest"));
        AlertsFixture.evaluate();
        alerts = AlertsFixture.alerts(rule);
        AlertsFixture.assertCount(2, alerts, "the new document is a second alert");
        assertTrue(alerts.stream().anyMatch(x -> x.get("explanation").toString().startsWith("A new document matches")), alerts.toString());
    }

    @Test
    void moreNewMatchesThanOnePageAreAllCountedAndNoneLaterAlertedAgain() throws Exception {
        AlertsFixture f = new AlertsFixture();
        String word = f.word("flood");
        String search = f.id("flood-search");
        String rule = f.id("watch-flood");
        watch(search, rule, Map.of("name", "Flood", "q", word));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        StringBuilder lines = new StringBuilder();
        int n = SearchRules.PAGE * 2 + 37;
        for (int i = 0; i < n; i++) {
            lines.append(f.line("public", word, now.minus(Duration.ofMinutes(5 + i)), "Flood report " + i));
        }
        assertEquals(n, AlertsFixture.importLines(lines.toString()).getInt("accepted"));
        AlertsFixture.evaluate();
        List<Map<String, Object>> alerts = AlertsFixture.alerts(rule);
        AlertsFixture.assertCount(1, alerts, "one alert for the whole import");
        JsonPath a = given().get("/api/alerts/" + alerts.get(0).get("id")).then().statusCode(200).extract().jsonPath();
        assertEquals(n, a.getInt("numbers.documents"), "every match counted, across pages");
        assertEquals(SearchRules.MAX_CITED, a.getList("documents").size(), "the oldest are listed");
        assertEquals("Flood report " + (n - 1), a.getString("documents[0].title"));
        AlertsFixture.evaluate();
        AlertsFixture.assertCount(1, AlertsFixture.alerts(rule), "none of them raises again");
    }

    @Test
    void aRuleMustNameASavedSearchThatExists() {
        AlertsFixture f = new AlertsFixture();
        given().header("Authorization", AlertsFixture.KEY).contentType("application/json")
                .body(Map.of("id", f.id("nothing"), "kind", "new-match", "params", Map.of("savedSearch", f.id("no-such-search"))))
                .post("/api/alert-rules").then().statusCode(400).body("detail", containsString("'params.savedSearch' must name a saved search"));
        given().header("Authorization", AlertsFixture.KEY).contentType("application/json")
                .body(Map.of("id", f.id("nothing"), "kind", "new-match"))
                .post("/api/alert-rules").then().statusCode(400).body("detail", containsString("'params.savedSearch' is required"));
        given().header("Authorization", AlertsFixture.KEY).contentType("application/json")
                .body(Map.of("id", f.id("nothing"), "kind", "new-match", "params", Map.of("savedSearch", 7)))
                .post("/api/alert-rules").then().statusCode(400);
    }
}
