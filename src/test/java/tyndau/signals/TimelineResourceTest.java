package tyndau.signals;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/timeline} on documents written for it: per bucket and side, the topic's documents, all
 * that side's documents, the share, the mean tone. Every document is dated April 1961, which no other test
 * uses, so "all documents of a side that day" is known here.
 *
 * <pre>
 *   day (Almaty)  public (independent, international)     government              state media
 *   Mon 04-10     2 on the topic (bad news), 1 other      1 on the topic (good), 3 other   1 on the topic
 *   Wed 04-12     1 on the topic, and a copy of it elsewhere
 *   Mon 04-17     -                                       1 on the topic (Sunday 20:00 UTC)
 *   Tue 04-18     1 other                                 1 on the topic
 * </pre>
 */
@QuarkusTest
class TimelineResourceTest {
    static final String KEY = "Bearer test-api-key";
    static final String RUN = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    /** An invented word, letters only, so that every analyser keeps it whole: the topic's query. */
    static final String WORD = ("zq" + RUN).replaceAll("[^a-z]", "x");
    static final String TOPIC = RUN + "-timeline";
    private static boolean imported;
    private static int n;

    static String line(String source, String role, String published, String title, String body) {
        return String.format("{\"source\":\"%s-%s\",\"role\":\"%s\",\"url\":\"https://example.org/%s/%d\",\"title\":\"%s\","
                + "\"body\":\"%s\",\"published\":\"%s\",\"lang\":\"en\"}%n", RUN, source, role, RUN, ++n, title, body, published);
    }

    @BeforeEach
    void importOnce() {
        if (imported) {
            return;
        }
        given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("label", "Timeline " + RUN, "query", WORD, "sensitive", false))
                .put("/api/topics/" + TOPIC).then().statusCode(200);
        String bad = "The " + WORD + " flood was a terrible disaster that killed many people and destroyed homes.";
        String good = "The " + WORD + " agreement is an excellent success, warmly welcomed as a great achievement.";
        String bitter = "The " + WORD + " talks collapsed in bitter failure, with anger and violence on both sides.";
        StringBuilder b = new StringBuilder();
        b.append(line("news", "independent_media", "1961-04-10T12:00:00Z", "Flood", bad));
        b.append(line("wire", "international_media", "1961-04-10T12:00:00Z", "Talks", bitter));
        b.append(line("news", "independent_media", "1961-04-10T12:00:00Z", "Harvest", "Farmers reported the spring harvest."));
        b.append(line("gov", "government", "1961-04-10T12:00:00Z", "Agreement", good));
        for (int i = 0; i < 3; i++) {
            b.append(line("gov", "government", "1961-04-10T12:00:00Z", "Decree " + i, "A decree on road works number " + i + "."));
        }
        b.append(line("state", "state_media", "1961-04-10T12:00:00Z", "State", "Television reported on the " + WORD + " commission."));
        String commission = "The " + WORD + " commission met on Wednesday.";
        b.append(line("news", "independent_media", "1961-04-12T12:00:00Z", "Commission", commission));
        b.append(line("wire", "international_media", "1961-04-12T12:00:00Z", "Commission", commission)); // the same story
        b.append(line("gov", "government", "1961-04-16T20:00:00Z", "Late", "A late note on the " + WORD + " question."));
        b.append(line("gov", "government", "1961-04-18T12:00:00Z", "Statement", "The ministry issued a statement on the " + WORD + " question."));
        b.append(line("news", "independent_media", "1961-04-18T12:00:00Z", "Weather", "Rain is expected in the north."));
        given().header("Authorization", KEY).contentType("application/x-ndjson").body(b.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.equalTo(13))
                .body("nearDuplicates", org.hamcrest.Matchers.equalTo(1));
        imported = true;
    }

    static JsonPath timeline(String interval, String zone) {
        return given().queryParam("topic", TOPIC).queryParam("from", "1961-04-10").queryParam("to", "1961-04-23")
                .queryParam("interval", interval).queryParam("zone", zone)
                .get("/api/timeline").then().statusCode(200).extract().jsonPath()
                .using(new JsonPathConfig(JsonPathConfig.NumberReturnType.DOUBLE));
    }

    /** count, all and share of one side in bucket {@code i}. */
    static List<Object> side(JsonPath t, int i, String side) {
        Map<String, Object> v = t.getMap("buckets[" + i + "]." + side);
        return List.of(v.get("count"), v.get("all"), v.get("share"));
    }

    @Test
    void dailyCountsShareOfTheSideAndToneOfTheTopicsDocuments() {
        JsonPath t = timeline("day", null);
        assertEquals(TOPIC, t.getString("topic"));
        assertEquals("day", t.getString("interval"));
        assertEquals("Asia/Almaty", t.getString("zone"));
        assertEquals(14, t.getList("buckets").size(), "every day of the range, empty ones too");
        assertEquals("1961-04-10", t.getString("buckets[0].date"));
        assertEquals(List.of(2, 3, 0.666667), side(t, 0, "public"), "state media count on neither side");
        assertEquals(List.of(1, 4, 0.25), side(t, 0, "government"));
        assertEquals(List.of(0, 0, 0.0), side(t, 1, "public"), "a day without documents has share 0");
        assertNull(t.get("buckets[1].public.tone"), "and no tone");
        assertEquals(List.of(1, 1, 1.0), side(t, 2, "public"), "a copy counts once, in the topic and in all");
        assertEquals(List.of(1, 1, 1.0), side(t, 7, "government"), "Sunday 20:00 UTC is Monday in Almaty");
        assertEquals(List.of(0, 1, 0.0), side(t, 8, "public"));
        assertEquals(List.of(1, 1, 1.0), side(t, 8, "government"));

        double publicTone = t.getDouble("buckets[0].public.tone");
        double governmentTone = t.getDouble("buckets[0].government.tone");
        assertTrue(publicTone < 0, "two reports of a disaster: " + publicTone);
        assertTrue(governmentTone > 0, "a welcomed agreement: " + governmentTone);
        assertEquals(0, t.getInt("buckets[0].public.untoned"));
        assertEquals(Map.of("public", 0, "government", 0), t.getMap("undateable"));
    }

    @Test
    void weeksBeginOnMondayInTheRequestedZone() {
        JsonPath almaty = timeline("week", null);
        assertEquals(List.of("1961-04-10", "1961-04-17"), almaty.getList("buckets.date"));
        assertEquals(List.of(3, 4, 0.75), side(almaty, 0, "public"));
        assertEquals(List.of(1, 4, 0.25), side(almaty, 0, "government"));
        assertEquals(List.of(0, 1, 0.0), side(almaty, 1, "public"));
        assertEquals(List.of(2, 2, 1.0), side(almaty, 1, "government"));

        JsonPath utc = timeline("week", "UTC");
        assertEquals("UTC", utc.getString("zone"));
        assertEquals(List.of(2, 5, 0.4), side(utc, 0, "government"), "in UTC the late statement is still Sunday");
        assertEquals(List.of(1, 1, 1.0), side(utc, 1, "government"));
    }

    @Test
    void aMonthIsOneBucketNamedByItsFirstDay() {
        JsonPath t = timeline("month", null);
        assertEquals(List.of("1961-04-01"), t.getList("buckets.date"));
        assertEquals(List.of(3, 5, 0.6), side(t, 0, "public"));
        assertEquals(List.of(3, 6, 0.5), side(t, 0, "government"));
    }

    @Test
    void csvHasTheSameNumbersAndNamesItsFile() {
        Response r = given().header("Accept", "text/csv").queryParam("topic", TOPIC).queryParam("from", "1961-04-10")
                .queryParam("to", "1961-04-23").get("/api/timeline");
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/csv"), r.contentType());
        assertEquals("attachment; filename=\"timeline-" + TOPIC + "-1961-04-10-1961-04-23.csv\"", r.header("Content-Disposition"));
        String[] rows = r.asString().split("\r\n");
        assertEquals("date,public_count,public_all,public_share,public_tone,government_count,government_all,government_share,government_tone",
                rows[0]);
        assertEquals(15, rows.length, "a header and 14 days");
        String[] first = rows[1].split(",", -1);
        assertEquals(List.of("1961-04-10", "2", "3", "0.666667"), List.of(first).subList(0, 4));
        assertEquals(List.of("1", "4", "0.25"), List.of(first).subList(5, 8));
        assertEquals("1961-04-11,0,0,0.0,,0,0,0.0,", rows[2], "no tone is an empty cell");
        String json = given().header("Accept", "text/csv").queryParam("format", "json").queryParam("topic", TOPIC)
                .queryParam("from", "1961-04-10").queryParam("to", "1961-04-10").get("/api/timeline")
                .then().statusCode(200).extract().contentType();
        assertTrue(json.startsWith("application/json"), "format= wins over Accept: " + json);
    }

    @Test
    void badParametersAreA400SayingWhich() {
        assertEquals("'interval' is day, week or month", refusal(Map.of("topic", TOPIC, "interval", "fortnight")));
        assertEquals("no topic 'no-such-topic-" + RUN + "'", refusal(Map.of("topic", "no-such-topic-" + RUN)));
        assertEquals("'from' is after 'to'", refusal(Map.of("from", "1961-04-11", "to", "1961-04-10")));
        assertEquals("'zone' is not a time zone id such as Asia/Almaty or UTC", refusal(Map.of("from", "1961-04-10", "zone", "Almaty")));
    }

    static String refusal(Map<String, String> params) {
        JsonPath e = given().queryParams(params).get("/api/timeline").then().statusCode(400).extract().jsonPath();
        assertEquals("bad request", e.getString("error"));
        return e.getString("detail");
    }
}
