package tyndau.alerts;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tyndau.WithArchive;

/**
 * On the bundled archive (first start, demo import) the one-time pass over history raises the
 * paper's cases: the China visa-free announcement as a sensitive announcement (and a trial
 * balloon), the Xinjiang protests as unanswered surges; historical, so never delivered; once.
 */
@QuarkusTest
@TestProfile(WithArchive.class)
class ArchiveAlertsTest {
    /** The bundled archive runs from 2022-01 to 2023-06: an alert about a day up to this one is about old news. */
    static final String OLD_NEWS_UNTIL = "2023-12-31";

    private static boolean done;

    /** RestAssured knows the test port only per test, hence not @BeforeAll. */
    @BeforeEach
    void awaitHistoryPass() throws InterruptedException {
        if (!done) {
            String state = AlertsFixture.await(() -> {
                if (given().get("/q/health/ready").statusCode() != 200) {
                    return "not ready";
                }
                return AlertsFixture.evaluate().getString("history");
            }, "done"::equals, Duration.ofMinutes(10));
            assertEquals("done", state, "the pass over history ran once the archive was in");
            done = true;
        }
    }

    static JsonPath alerts(String rule, String topic) {
        return given().queryParam("rule", rule).queryParam("topic", topic).queryParam("size", 200)
                .get("/api/alerts").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void chinaVisaFreeAnnouncementIsASensitiveAnnouncement() {
        JsonPath r = alerts("sensitive-announcement", "china-visa-free");
        List<Map<String, Object>> items = r.getList("items");
        Map<String, Object> announcement = items.stream()
                .filter(a -> a.get("at").toString().startsWith("2023-04-03")).findFirst().orElseThrow(() ->
                        new AssertionError("no alert on 2023-04-03 among " + items.stream().map(a -> a.get("at")).toList()));
        List<Map<String, Object>> docs = (List<Map<String, Object>>) announcement.get("documents");
        assertTrue(docs.stream().allMatch(d -> "mfa-kz".equals(d.get("source"))), docs.toString());
        assertEquals(3, docs.size(), "the announcement in Russian, Kazakh and English is one alert: " + docs);
        assertTrue(docs.stream().anyMatch(d -> d.get("title").toString().contains("visa exemption")), docs.toString());
        assertEquals(true, announcement.get("historical"));
        assertEquals(List.of(), announcement.get("deliveries"), "historical alerts are never delivered");
        assertTrue(announcement.get("explanation").toString().contains("Visa-free travel with China"));

        JsonPath balloon = alerts("trial-balloon", "china-visa-free");
        assertEquals(1, balloon.getInt("total"));
        assertEquals("2023-04-04", balloon.getString("items[0].numbers.reactionOnset"));
        assertEquals("mfa-kz", balloon.getString("items[0].documents.find { it.role == 'announcement' }.source"));
    }

    @Test
    void xinjiangProtestsAreUnansweredAlerts() {
        JsonPath r = alerts("unanswered-7d", "xinjiang");
        List<String> onsets = r.getList("items.numbers.onset");
        assertTrue(onsets.containsAll(List.of("2022-05-24", "2022-11-28", "2023-02-20")), onsets.toString());
        assertEquals(r.getInt("total"), onsets.size());
        for (Map<String, Object> a : r.<Map<String, Object>>getList("items")) {
            assertEquals(true, a.get("historical"));
            assertTrue(a.get("explanation").toString().contains("had no government document on the topic for 7 days"));
            Map<?, ?> numbers = (Map<?, ?>) a.get("numbers");
            assertEquals(null, numbers.get("response"), "Xinjiang is never answered");
        }
        assertEquals(0, alerts("sensitive-announcement", "xinjiang").getInt("total"), "the government never speaks of it");
    }

    @Test
    void theHistoryPassRunsOnceAndRaisesNothingAgain() {
        long before = given().queryParam("size", 1).get("/api/alerts").then().extract().jsonPath().getLong("total");
        assertTrue(before > 0);
        JsonPath again = AlertsFixture.evaluate();
        assertEquals("done", again.getString("history"));
        assertEquals(0, again.getInt("documentAlerts") + again.getInt("episodeAlerts"));
        assertEquals(before, given().queryParam("size", 1).get("/api/alerts").then().extract().jsonPath().getLong("total"));
        // Other tests on this profile import documents of today, which may raise live alerts: only those
        // about the archive's days must all be historical.
        List<String> liveOnArchiveDays = given().queryParam("historical", "false").queryParam("size", 200).get("/api/alerts")
                .then().statusCode(200).extract().jsonPath().<String>getList("items.at").stream()
                .filter(at -> at == null || at.substring(0, 10).compareTo(OLD_NEWS_UNTIL) <= 0).toList();
        assertEquals(List.of(), liveOnArchiveDays, "everything in a 2022-2023 archive is old news");
    }
}
