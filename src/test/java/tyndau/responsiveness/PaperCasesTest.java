package tyndau.responsiveness;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tyndau.WithArchive;

/** On the bundled archive the paper's cases come out as the paper tells them. */
@QuarkusTest
@TestProfile(WithArchive.class)
class PaperCasesTest {

    private static boolean ready;

    /** RestAssured knows the test port only per test, hence not @BeforeAll. */
    @BeforeEach
    void awaitArchive() throws InterruptedException {
        // Generous: the import takes ~30 s on an idle machine, several times that on a busy one.
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(10);
        while (!ready && System.nanoTime() < deadline) {
            if (given().get("/q/health/ready").statusCode() == 200) {
                ready = true;
                return;
            }
            Thread.sleep(200);
        }
        if (!ready) {
            throw new IllegalStateException("archive not imported in time");
        }
    }

    static JsonPath answer(String topic, String from, String to) {
        return given().queryParam("topic", topic).queryParam("from", from).queryParam("to", to)
                .get("/api/responsiveness").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void turkeyEarthquakeAidIsPublicLedAndAnsweredWithin48Hours() {
        JsonPath r = answer("turkey-aid", "2023-01-01", "2023-03-31");
        assertEquals("responsive", r.getString("verdict"));
        assertEquals(1, r.getInt("metrics.publicLed"));
        assertEquals("public", r.getString("episodes[0].ledBy"));
        assertEquals("2023-02-06", r.getString("episodes[0].onset"));
        double lag = r.getDouble("episodes[0].response.lagHours");
        assertTrue(lag > 0 && lag <= 48, "lag " + lag);
        assertEquals("akorda", r.getString("episodes[0].response.source"));
        assertEquals(5, r.getList("episodes[0].evidence").size());
    }

    @Test
    void russiansArrivingAfterMobilisationAreAnsweredWithinAWeek() {
        JsonPath r = answer("mobilisation-relocation", "2022-08-01", "2022-11-30");
        assertEquals("responsive", r.getString("verdict"));
        assertEquals("2022-09-22", r.getString("episodes[0].onset"));
        double lag = r.getDouble("episodes[0].response.lagHours");
        assertTrue(lag > 48 && lag <= 7 * 24, "lag " + lag);
    }

    @Test
    void chinaVisaFreeAnnouncementIsGovernmentLed() {
        JsonPath r = answer("china-visa-free", "2023-03-01", "2023-05-31");
        assertEquals("top-down", r.getString("verdict"));
        assertEquals(1, r.getInt("metrics.governmentLed"));
        assertEquals("government", r.getString("episodes[0].ledBy"));
        assertEquals("trial-balloon", r.getString("episodes[0].kind"));
        assertEquals("2023-04-03", r.getString("episodes[0].onset"));
        assertEquals("mfa-kz", r.getString("episodes[0].announcement.source"));
    }

    @Test
    void xinjiangProtestsAreUnanswered() {
        JsonPath r = answer("xinjiang", "2022-01-01", "2023-06-30");
        assertEquals("unresponsive", r.getString("verdict"));
        assertTrue(r.getInt("metrics.publicLed") >= 3);
        assertEquals(0, r.getInt("metrics.answered"));
        assertEquals(0.0, r.getDouble("metrics.responseRate"));
        assertNull(r.get("metrics.medianLagHours"));
        List<Map<String, Object>> episodes = r.getList("episodes");
        for (Map<String, Object> e : episodes) {
            assertNull(e.get("response"));
            assertNotNull(e.get("censoredAtHours"));
            double tone = ((Number) e.get("publicTone")).doubleValue();
            assertTrue(tone >= -1 && tone <= 1, "tone in [-1, 1]: " + tone);
        }
        assertTrue(r.getDouble("episodes[0].publicTone") < 0, "the public speaks of the camps negatively");
        List<String> onsets = r.getList("episodes.onset");
        assertTrue(onsets.containsAll(List.of("2022-05-24", "2022-11-28", "2023-02-20")), onsets.toString());
    }

    @Test
    void timelineOfTheTurkeyCaseShowsTheSurgeAndZerosElsewhere() {
        JsonPath t = given().queryParam("topic", "turkey-aid").queryParam("from", "2023-02-01").queryParam("to", "2023-02-10")
                .get("/api/timeline").then().statusCode(200).extract().jsonPath();
        assertEquals(10, t.getList("buckets").size());
        assertEquals(0, t.getInt("buckets[0].public.count"));
        assertTrue(t.getInt("buckets[5].public.count") >= 20, "2023-02-06");
        assertTrue(t.getDouble("buckets[5].public.share") > 0.5);
        assertTrue(t.getInt("buckets[0].public.all") > 0, "the denominator is there on a quiet day");
    }

    @Test
    void episodesExportAsCsvAndJson() {
        String csv = given().queryParam("topic", "xinjiang").queryParam("from", "2022-01-01").queryParam("to", "2023-06-30")
                .get("/api/export/episodes").then().statusCode(200).extract().asString();
        String[] rows = csv.split("\r\n");
        assertTrue(rows[0].startsWith("topic,onset,peak,end,led_by,kind,public_count,peak_score"), rows[0]);
        assertEquals(answer("xinjiang", "2022-01-01", "2023-06-30").getList("episodes").size(), rows.length - 1);
        assertTrue(rows[1].startsWith("xinjiang,2022-05-24,"), rows[1]);
        given().queryParam("topic", "turkey-aid").queryParam("from", "2023-01-01").queryParam("to", "2023-03-31")
                .queryParam("format", "json").get("/api/export/episodes").then().statusCode(200)
                .body("[0].response.source", org.hamcrest.Matchers.equalTo("akorda"));
    }
}
