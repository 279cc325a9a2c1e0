package tyndau.alerts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tyndau.topics.TopicPercolator;
import tyndau.document.DocumentRow;

/** The sensitive-announcement rule: which documents raise alerts, how a burst groups, and that nothing fires twice. */
@QuarkusTest
@TestProfile(AlertsTestProfile.class)
@Tag("persistence")
class DocumentAlertsTest {
    @Inject
    Event<TopicPercolator.Matched> percolated;

    @Test
    void aBurstOfGovernmentDocumentsOnASensitiveTopicIsOneAlertAndOldNewsIsNone() throws Exception {
        AlertsFixture f = new AlertsFixture();
        String word = f.topic("visa", true);
        String quiet = f.topic("weather", false);
        String rule = f.id("sensitive");
        String everySensitive = f.id("every-sensitive");
        AlertsFixture.rule(Map.of("id", rule, "kind", "sensitive-announcement", "topics", List.of(f.id("visa")),
                "params", Map.of("windowHours", 6)));
        AlertsFixture.rule(Map.of("id", everySensitive, "kind", "sensitive-announcement"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        String lines = f.line("government", quiet, now.minus(Duration.ofHours(1)), "Weather service statement")
                + f.line("government", word, now.minus(Duration.ofHours(8)), "Early statement")
                + f.line("government", word, now.minus(Duration.ofHours(1)), "Visa announcement")
                + f.line("government", word, now.minus(Duration.ofMinutes(30)), "Visa announcement, details")
                + f.line("government", word, now.minus(Duration.ofDays(30)), "Old statement")
                + f.line("public", word, now.minus(Duration.ofMinutes(50)), "Public reaction");
        assertEquals(6, AlertsFixture.importLines(lines).getInt("accepted"));

        List<Map<String, Object>> alerts = AlertsFixture.await(() -> AlertsFixture.alerts(rule),
                a -> a.size() == 2 && ((List<?>) a.get(0).get("documents")).size() == 2, Duration.ofSeconds(20));
        AlertsFixture.assertCount(2, alerts, "one alert per 6-hour window; the 30-day-old document raises none");
        JsonPath burst = given().get("/api/alerts/" + alerts.get(0).get("id")).then().statusCode(200).extract().jsonPath();
        assertEquals("sensitive-announcement", burst.getString("kind"));
        assertEquals(f.id("visa"), burst.getString("topic"));
        assertEquals("new", burst.getString("status"));
        assertEquals(false, burst.getBoolean("historical"));
        assertEquals(List.of("Visa announcement", "Visa announcement, details"), burst.getList("documents.title"));
        assertEquals(List.of("announcement", "announcement"), burst.getList("documents.role"));
        assertEquals(List.of(f.run + "-gov", f.run + "-gov"), burst.getList("documents.source"));
        assertEquals("/ui/documents/" + burst.getLong("documents[0].id"), burst.getString("documents[0].link"));
        assertTrue(burst.getString("explanation").startsWith("The government published 2 documents on the sensitive topic \"Topic visa\""),
                burst.getString("explanation"));
        assertTrue(burst.getString("explanation").contains("Asia/Almaty"), burst.getString("explanation"));
        assertEquals(2, burst.getInt("numbers.documents"));
        assertEquals(6.0, burst.getDouble("numbers.windowHours"));
        assertEquals(now.minus(Duration.ofHours(1)).toString(), burst.getString("numbers.windowStart"));
        assertTrue(burst.getString("links.topic").startsWith("/ui/topics/" + f.id("visa") + "?from="), burst.getString("links.topic"));
        assertEquals(List.of("Early statement"), ((List<?>) alerts.get(1).get("documents")).stream()
                .map(d -> ((Map<?, ?>) d).get("title")).toList());
        assertTrue(alerts.get(1).get("explanation").toString().contains("a document on the sensitive topic"));

        // Other tests' sensitive topics may fire this rule too: only this run's topics are counted.
        List<Object> every = AlertsFixture.alerts(everySensitive).stream().map(a -> a.get("topic"))
                .filter(t -> t.toString().startsWith(f.run)).toList();
        assertEquals(List.of(f.id("visa"), f.id("visa")), every,
                "a rule without topics watches every sensitive topic, and only sensitive ones");

        // Again, as a restart, a re-import and a reindex would: nothing new.
        assertEquals(6, AlertsFixture.importLines(lines).getInt("duplicates"));
        assertEquals(true, AlertsFixture.evaluate().getBoolean("ran"));
        for (Map<String, Object> d : burst.<Map<String, Object>>getList("documents")) {
            long id = ((Number) d.get("id")).longValue();
            // What the percolator announces for every document when the index is rebuilt at start.
            percolated.fire(new TopicPercolator.Matched(new DocumentRow(id, id, f.run + "-gov", "government", "government", "en",
                    Instant.parse((String) d.get("published")), 0.0, null, (String) d.get("title"), ""), List.of(f.id("visa"))));
        }
        // 409 when a rebuild started by the topic edits above is still running: that one counts too.
        given().header("Authorization", AlertsFixture.KEY).post("/api/admin/reindex").then()
                .statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(202), org.hamcrest.Matchers.is(409)));
        AlertsFixture.await(() -> given().get("/api/admin/reindex").then().extract().jsonPath().getString("state"),
                s -> !"running".equals(s), Duration.ofSeconds(60));
        AlertsFixture.evaluate();
        AlertsFixture.assertCount(2, AlertsFixture.alerts(rule), "after re-import, re-announcement, reindex and evaluation");
        assertEquals(2, ((List<?>) AlertsFixture.alerts(rule).get(0).get("documents")).size());
    }

    @Test
    void acknowledgingIsIdempotentAndFiltersSeeIt() {
        AlertsFixture f = new AlertsFixture();
        String word = f.topic("border", true);
        String rule = f.id("ack");
        AlertsFixture.rule(Map.of("id", rule, "kind", "sensitive-announcement", "topics", List.of(f.id("border"))));
        AlertsFixture.importLines(f.line("government", word, Instant.now().minus(Duration.ofMinutes(5)), "Border decree"));
        AlertsFixture.evaluate();
        List<Map<String, Object>> alerts = AlertsFixture.alerts(rule);
        AlertsFixture.assertCount(1, alerts, "one alert");
        long id = ((Number) alerts.get(0).get("id")).longValue();

        given().post("/api/alerts/" + id + "/ack").then().statusCode(401);
        JsonPath acked = given().header("Authorization", AlertsFixture.KEY).post("/api/alerts/" + id + "/ack")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("acknowledged", acked.getString("status"));
        String at = acked.getString("acknowledgedAt");
        JsonPath again = given().header("Authorization", AlertsFixture.KEY).post("/api/alerts/" + id + "/ack")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("acknowledged", again.getString("status"));
        assertEquals(at, again.getString("acknowledgedAt"), "a repeated ack changes nothing");

        given().queryParam("rule", rule).queryParam("status", "new").get("/api/alerts").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        given().queryParam("rule", rule).queryParam("status", "acknowledged").queryParam("kind", "sensitive-announcement")
                .queryParam("topic", f.id("border")).queryParam("from", AlertsFixture.today().minusDays(1).toString())
                .queryParam("historical", "false").get("/api/alerts").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(1)).body("page", org.hamcrest.Matchers.equalTo(1));
        given().queryParam("rule", rule).queryParam("to", "2020-01-01").get("/api/alerts").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
        given().queryParam("rule", rule).queryParam("kind", "public-surge").get("/api/alerts").then().statusCode(200)
                .body("total", org.hamcrest.Matchers.equalTo(0));
    }

    @Test
    void anAnalystsOwnArchiveGetsItsHistoryOnceAndNothingIsPushed() {
        AlertsFixture f = new AlertsFixture();
        String word = f.topic("tariff", true);
        String rule = f.id("history");
        AlertsFixture.rule(Map.of("id", rule, "kind", "sensitive-announcement", "topics", List.of(f.id("tariff"))));
        java.time.LocalDate day = java.time.LocalDate.of(2019, 3, 1).plusDays(new java.util.Random().nextInt(300));
        AlertsFixture.importLines(f.line("government", word, AlertsFixture.almaty(day, 10, 0), "Tariff decree")
                + f.line("government", word, AlertsFixture.almaty(day.plusDays(20), 10, 0), "Tariff decree amended"));
        AlertsFixture.evaluate();
        AlertsFixture.assertCount(0, AlertsFixture.alerts(rule), "old news raises nothing outside a history pass");

        given().post("/api/alerts/history").then().statusCode(401);
        given().header("Authorization", AlertsFixture.KEY).queryParam("from", "2019-13-01").post("/api/alerts/history")
                .then().statusCode(400);
        JsonPath first = given().header("Authorization", AlertsFixture.KEY).queryParam("from", day.toString())
                .queryParam("to", day.plusDays(5).toString()).post("/api/alerts/history").then().statusCode(200).extract().jsonPath();
        // Another test's rule that watches every sensitive topic may raise its own alert on these documents too.
        assertTrue(first.getInt("byKind.'sensitive-announcement'") >= 1, first.prettify());
        assertEquals(first.getInt("raised"), ((Map<?, ?>) first.get("byKind")).values().stream().mapToInt(v -> (Integer) v).sum());
        List<Map<String, Object>> raised = AlertsFixture.alerts(rule);
        AlertsFixture.assertCount(1, raised, "only the range asked for");
        assertEquals(true, raised.get(0).get("historical"));

        JsonPath again = given().header("Authorization", AlertsFixture.KEY).queryParam("from", day.toString())
                .queryParam("to", day.plusDays(30).toString()).post("/api/alerts/history").then().statusCode(200).extract().jsonPath();
        assertTrue(again.getInt("byKind.'sensitive-announcement'") >= 1, "the second document, once: " + again.prettify());
        JsonPath third = given().header("Authorization", AlertsFixture.KEY).queryParam("from", day.toString())
                .queryParam("to", day.plusDays(30).toString()).post("/api/alerts/history").then().statusCode(200).extract().jsonPath();
        assertEquals(0, third.getInt("raised"), "nothing raised twice: " + third.prettify());
        AlertsFixture.assertCount(2, AlertsFixture.alerts(rule), "two alerts in all");
    }
}
