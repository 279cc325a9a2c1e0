package tyndau.alerts;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** /api/alert-rules and the errors of /api/alerts over HTTP: every bad input is a clear 4xx. */
@QuarkusTest
@TestProfile(AlertsTestProfile.class)
@Tag("persistence")
class RuleResourceTest {
    static final String KEY = AlertsFixture.KEY;

    @Inject
    RuleService rules;

    @Test
    void defaultRulesComeFromAlertsYml() {
        given().get("/api/alert-rules").then().statusCode(200)
                .body("id", hasItem("sensitive-announcement"))
                .body("find { it.id == 'unanswered-7d' }.kind", equalTo("unanswered"))
                .body("find { it.id == 'unanswered-7d' }.params.days", equalTo(7))
                .body("find { it.id == 'public-surge' }.channels.sse", equalTo(true));
    }

    @Test
    void rulesAreCreatedReplacedAndDeleted() {
        AlertsFixture f = new AlertsFixture();
        f.topic("t", false);
        String id = f.id("rule");
        given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("id", id, "kind", "unanswered", "topics", List.of(f.id("t")), "params", Map.of("days", 3)))
                .post("/api/alert-rules").then().statusCode(201)
                .body("id", equalTo(id)).body("enabled", equalTo(true)).body("edited", equalTo(true))
                .body("params.days", equalTo(3)).body("topics", equalTo(List.of(f.id("t"))));
        given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("id", id, "kind", "unanswered", "params", Map.of("days", 3)))
                .post("/api/alert-rules").then().statusCode(409).body("error", equalTo("conflict"));
        given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("kind", "public-surge", "enabled", false, "params", Map.of("threshold", 4.5)))
                .put("/api/alert-rules/" + id).then().statusCode(200)
                .body("kind", equalTo("public-surge")).body("enabled", equalTo(false)).body("params.threshold", equalTo(4.5f));
        given().get("/api/alert-rules/" + id).then().statusCode(200).body("kind", equalTo("public-surge"));
        given().header("Authorization", KEY).delete("/api/alert-rules/" + id).then().statusCode(204);
        given().get("/api/alert-rules/" + id).then().statusCode(404).body("error", equalTo("not found"));
        given().get("/api/alert-rules").then().body("id", not(hasItem(id)));
        given().header("Authorization", KEY).delete("/api/alert-rules/" + id).then().statusCode(404);
    }

    @Test
    void badRulesAre400SayingWhatIsWrong() {
        post(Map.of("id", "x-" + System.nanoTime(), "kind", "loud-noise")).statusCode(400)
                .body("detail", containsString("'kind' must be one of"));
        post(Map.of("id", "x-" + System.nanoTime(), "kind", "unanswered")).statusCode(400)
                .body("detail", containsString("'params.days' is required"));
        post(Map.of("id", "x-" + System.nanoTime(), "kind", "public-surge", "topics", List.of("no-such-topic"))).statusCode(400)
                .body("detail", containsString("no-such-topic"));
        post(Map.of("id", "x-" + System.nanoTime(), "kind", "public-surge",
                "channels", Map.of("webhook", Map.of("url", "http://example.org/h")))).statusCode(400)
                .body("detail", containsString("secret"));
        given().header("Authorization", KEY).contentType("application/json").body("{\"id\": \"x\", \"kind\": ")
                .post("/api/alert-rules").then().statusCode(400).body("error", equalTo("bad request"));
        given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("id", "other", "kind", "public-surge")).put("/api/alert-rules/mine").then().statusCode(400)
                .body("detail", containsString("differs"));
        given().contentType("application/json").body(Map.of("id", "nokey", "kind", "public-surge"))
                .post("/api/alert-rules").then().statusCode(401);
        given().delete("/api/alert-rules/sensitive-announcement").then().statusCode(401);
    }

    @Test
    void misspeltOrMistypedFieldsAre400NotIgnored() {
        post(Map.of("id", "x-" + System.nanoTime(), "kind", "public-surge", "topic", List.of("china"))).statusCode(400)
                .body("detail", containsString("'topic' is not a field of an alert rule"));
        post(Map.of("id", "x-" + System.nanoTime(), "kind", "public-surge", "topics", "china")).statusCode(400)
                .body("detail", containsString("at 'topics': expected a list of strings"));
        post(Map.of("id", "x-" + System.nanoTime(), "kind", "public-surge",
                "channels", Map.of("webhook", Map.of("url", "https://example.org/h", "secret", "0123456789abcdefgh", "sign", true))))
                .statusCode(400).body("detail", containsString("'sign' is not a field"));
        given().header("Authorization", KEY).contentType("application/json").body("[1, 2]").post("/api/alert-rules")
                .then().statusCode(400).body("detail", containsString("JSON object"));
    }

    @Test
    void alertsYmlLoadsGoodRulesSkipsBadOnesAndLeavesEditedAndDeletedRulesAlone(@TempDir Path dir) throws Exception {
        AlertsFixture f = new AlertsFixture();
        f.topic("yml", false);
        String good = f.id("yml-good");
        String edited = f.id("yml-edited");
        String deleted = f.id("yml-deleted");
        given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("kind", "unanswered", "params", Map.of("days", 9))).put("/api/alert-rules/" + edited).then().statusCode(200);
        given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("kind", "public-surge")).put("/api/alert-rules/" + deleted).then().statusCode(200);
        given().header("Authorization", KEY).delete("/api/alert-rules/" + deleted).then().statusCode(204);
        Path file = dir.resolve("alerts.yml");
        Files.writeString(file, String.join("\n",
                "rules:",
                "  - {id: " + good + ", kind: unanswered, topics: [" + f.id("yml") + "], params: {days: 4}}",
                "  - {id: " + f.id("yml-kind") + ", kind: loud-noise}",
                "  - {id: " + f.id("yml-field") + ", kind: public-surge, topic: [" + f.id("yml") + "]}",
                "  - {id: " + f.id("yml-topic") + ", kind: public-surge, topics: [no-such-topic]}",
                "  - {id: " + edited + ", kind: unanswered, params: {days: 1}}",
                "  - {id: " + deleted + ", kind: public-surge}",
                ""));
        assertEquals(3, rules.loadDefaults(file), "the good rule, and the edited and deleted ones, which are left alone");
        given().get("/api/alert-rules/" + good).then().statusCode(200).body("params.days", equalTo(4)).body("edited", equalTo(false));
        given().get("/api/alert-rules/" + f.id("yml-kind")).then().statusCode(404);
        given().get("/api/alert-rules/" + f.id("yml-field")).then().statusCode(404);
        given().get("/api/alert-rules/" + f.id("yml-topic")).then().statusCode(404);
        given().get("/api/alert-rules/" + edited).then().statusCode(200).body("params.days", equalTo(9));
        given().get("/api/alert-rules/" + deleted).then().statusCode(404);

        Files.writeString(file, "rules: 7\n");
        IOException e = assertThrows(IOException.class, () -> rules.loadDefaults(file));
        assertTrue(e.getMessage().contains("'rules' list"), e.getMessage());
        given().get("/api/alert-rules/" + good).then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse post(Map<String, Object> body) {
        return given().header("Authorization", KEY).contentType("application/json").body(body).post("/api/alert-rules").then();
    }

    @Test
    void badAlertQueriesAre400AndUnknownAlerts404() {
        given().queryParam("status", "open").get("/api/alerts").then().statusCode(400).body("detail", containsString("'status'"));
        given().queryParam("kind", "loud").get("/api/alerts").then().statusCode(400).body("detail", containsString("'kind'"));
        given().queryParam("from", "last week").get("/api/alerts").then().statusCode(400).body("detail", containsString("'from'"));
        given().queryParam("from", "2023-02-02").queryParam("to", "2023-02-01").get("/api/alerts").then().statusCode(400);
        given().queryParam("historical", "maybe").get("/api/alerts").then().statusCode(400);
        given().queryParam("page", 0).get("/api/alerts").then().statusCode(400);
        given().queryParam("size", 201).get("/api/alerts").then().statusCode(400);
        given().get("/api/alerts/999999999").then().statusCode(404).body("error", equalTo("not found"));
        given().get("/api/alerts/abc").then().statusCode(404);
        given().header("Authorization", KEY).post("/api/alerts/999999999/ack").then().statusCode(404);
        given().post("/api/alerts/evaluate").then().statusCode(401);
        given().get("/api/alerts").then().statusCode(200).body("page", equalTo(1)).body("size", equalTo(20));
    }
}
