package tyndau.alerts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The episode rules on a sequence of documents: which surges raise public-surge, unanswered and
 * trial-balloon alerts, with their explanations; old surges raise none; nothing is raised twice.
 */
@QuarkusTest
@TestProfile(AlertsTestProfile.class)
@Tag("persistence")
class EpisodeAlertsTest {

    /** Four public documents on {@code word} that day, from 09:00. */
    static String surge(AlertsFixture f, String word, LocalDate day, String what) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            s.append(f.line("public", word, AlertsFixture.almaty(day, 9 + i, 15), what + " " + (i + 1)));
        }
        return s.toString();
    }

    static List<String> topics(List<Map<String, Object>> alerts) {
        return alerts.stream().map(a -> (String) a.get("topic")).sorted().toList();
    }

    @Test
    void surgesUnansweredWavesAndTrialBalloonsRaiseExactlyTheirAlerts() throws Exception {
        AlertsFixture f = new AlertsFixture();
        String ignored = f.topic("ignored", false);
        String answered = f.topic("answered", false);
        String balloon = f.topic("balloon", false);
        String old = f.topic("old", false);
        List<String> watched = List.of(f.id("ignored"), f.id("answered"), f.id("balloon"), f.id("old"));
        String surgeRule = f.id("surge");
        String unansweredRule = f.id("unanswered");
        String balloonRule = f.id("balloon-rule");
        AlertsFixture.rule(Map.of("id", surgeRule, "kind", "public-surge", "topics", watched));
        AlertsFixture.rule(Map.of("id", unansweredRule, "kind", "unanswered", "topics", watched, "params", Map.of("days", 2)));
        AlertsFixture.rule(Map.of("id", balloonRule, "kind", "trial-balloon", "topics", watched));

        LocalDate day = AlertsFixture.today().minusDays(5);
        String lines = surge(f, ignored, day, "Protest grows")
                + surge(f, answered, day, "Outcry")
                + f.line("government", answered, AlertsFixture.almaty(day, 16, 0), "Ministry answers the outcry")
                + f.line("government", balloon, AlertsFixture.almaty(day.minusDays(1), 15, 0), "Ministry floats a plan")
                + surge(f, balloon, day, "Plan worries people")
                + surge(f, old, AlertsFixture.today().minusDays(25), "Old protest");
        assertEquals(18, AlertsFixture.importLines(lines).getInt("accepted"));

        // Episode rules run by themselves after an import (debounced): wait for them, no explicit evaluation.
        List<Map<String, Object>> surges = AlertsFixture.await(() -> AlertsFixture.alerts(surgeRule), a -> a.size() >= 2,
                Duration.ofSeconds(30));
        assertEquals(List.of(f.id("answered"), f.id("ignored")), topics(surges),
                "public-led surges only: the balloon's surge followed the government, the old one is old news");
        List<Map<String, Object>> unanswered = AlertsFixture.alerts(unansweredRule);
        assertEquals(List.of(f.id("ignored")), topics(unanswered), "the answered surge had its answer within 2 days");
        List<Map<String, Object>> balloons = AlertsFixture.alerts(balloonRule);
        assertEquals(List.of(f.id("balloon")), topics(balloons));

        JsonPath u = given().get("/api/alerts/" + unanswered.get(0).get("id")).then().statusCode(200).extract().jsonPath();
        assertEquals("unanswered", u.getString("kind"));
        assertEquals(day.toString(), u.getString("numbers.onset"));
        assertEquals(2, u.getInt("numbers.days"));
        assertEquals(4, u.getInt("numbers.publicCount"));
        assertEquals(3.0, u.getDouble("numbers.threshold"));
        assertTrue(u.getDouble("numbers.peakScore") >= 3.0);
        assertTrue(u.getDouble("numbers.hoursWithoutAnswer") >= 5 * 24 - 12, "watched since the first document: " + u.get("numbers"));
        assertNull(u.get("numbers.response"));
        assertEquals(AlertsFixture.almaty(day, 9, 15).plus(Duration.ofDays(2)).toString(), u.getString("at"));
        assertEquals(List.of("evidence", "evidence", "evidence", "evidence"), u.getList("documents.role"));
        String why = u.getString("explanation");
        assertTrue(why.contains("had no government document on the topic for 2 days") && why.contains("4 public documents"), why);
        // The wave names the events its public documents report (issue 31).
        List<Map<String, Object>> events = u.getList("numbers.events");
        assertTrue(!events.isEmpty() && events.stream().mapToInt(e -> (Integer) e.get("documents")).sum() == 4, String.valueOf(events));
        assertTrue(why.contains("The public documents cited report") && why.contains("(event " + events.get(0).get("id")), why);

        JsonPath s = given().get("/api/alerts/" + surges.stream().filter(a -> a.get("topic").equals(f.id("answered")))
                .findFirst().orElseThrow().get("id")).then().extract().jsonPath();
        assertTrue(s.getString("explanation").contains("The government answered after 6.8 h"), s.getString("explanation"));
        assertEquals(true, s.getBoolean("numbers.answered"));
        assertTrue(s.getList("documents.role").contains("response"));

        JsonPath b = given().get("/api/alerts/" + balloons.get(0).get("id")).then().extract().jsonPath();
        assertEquals("trial-balloon", b.getString("kind"));
        assertEquals("Ministry floats a plan", b.getString("documents[0].title"));
        assertEquals("announcement", b.getString("documents[0].role"));
        assertEquals(day.toString(), b.getString("numbers.reactionOnset"));
        assertEquals(18.25, b.getDouble("numbers.lagHours"), 0.06);
        assertTrue(b.getString("explanation").startsWith("The government spoke first on \"Topic balloon\""), b.getString("explanation"));

        // Evaluating again, and re-importing the same lines, raises nothing more.
        JsonPath again = AlertsFixture.evaluate();
        assertEquals(true, again.getBoolean("ran"));
        assertEquals(18, AlertsFixture.importLines(lines).getInt("duplicates"));
        AlertsFixture.evaluate();
        AlertsFixture.assertCount(2, AlertsFixture.alerts(surgeRule), "surges");
        AlertsFixture.assertCount(1, AlertsFixture.alerts(unansweredRule), "unanswered");
        AlertsFixture.assertCount(1, AlertsFixture.alerts(balloonRule), "balloons");
    }
}
