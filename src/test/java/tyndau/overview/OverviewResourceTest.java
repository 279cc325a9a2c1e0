package tyndau.overview;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tyndau.WithArchive;

/** One request answers every card of the overview with what the three requests per card used to answer. */
@QuarkusTest
@TestProfile(WithArchive.class)
class OverviewResourceTest {

    @BeforeEach
    void ready() throws InterruptedException {
        WithArchive.awaitReady();
    }

    @Test
    void everyTopicCardMatchesItsOwnEndpoints() {
        JsonPath o = given().get("/api/overview?from=2023-01-01&to=2023-03-31&wholeFrom=2022-01-01&wholeTo=2023-03-31")
                .then().statusCode(200).extract().jsonPath();
        List<String> topicIds = given().get("/api/topics").then().statusCode(200).extract().jsonPath().getList("id");
        List<String> cardIds = o.getList("topics.topic.id");
        assertEquals(topicIds, cardIds, "one card per topic, in the topics' order");
        assertEquals(90, o.getList("documents.buckets").size(), "every day of the range");
        Map<String, Object> allDocs = given().get("/api/timeline?from=2023-01-01&to=2023-03-31").then().statusCode(200)
                .extract().jsonPath().getMap("");
        assertEquals(allDocs.get("buckets"), o.getMap("documents").get("buckets"));
        long drawn = 0;
        for (int i = 0; i < cardIds.size(); i++) {
            String id = cardIds.get(i);
            JsonPath timeline = given().get("/api/timeline?topic=" + id + "&from=2023-01-01&to=2023-03-31").then().statusCode(200)
                    .extract().jsonPath();
            assertEquals(timeline.getList("buckets"), o.getList("topics[" + i + "].timeline.buckets"), id + ": timeline");
            JsonPath recent = given().get("/api/responsiveness?topic=" + id + "&from=2023-01-01&to=2023-03-31").then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(recent.getString("verdict"), o.getString("topics[" + i + "].recent.verdict"), id + ": verdict");
            assertEquals(recent.getList("episodes.onset"), o.getList("topics[" + i + "].recent.episodes.onset"), id + ": episodes");
            JsonPath whole = given().get("/api/responsiveness?topic=" + id + "&from=2022-01-01&to=2023-03-31").then()
                    .statusCode(200).extract().jsonPath();
            assertEquals(whole.getString("verdict"), o.getString("topics[" + i + "].whole.verdict"), id + ": whole verdict");
            assertEquals(whole.getMap("metrics"), o.getMap("topics[" + i + "].whole.metrics"), id + ": whole metrics");
            for (Object b : timeline.getList("buckets.public.count")) {
                drawn += ((Number) b).longValue();
            }
        }
        assertTrue(drawn > 0, "the archive's topics have documents in the range");
    }

    @Test
    void defaultsEndOnTheNewestDayAndABadDateIsA400() {
        JsonPath o = given().get("/api/overview").then().statusCode(200).extract().jsonPath();
        assertEquals(o.getString("to"), o.getString("wholeTo"));
        assertEquals(90, o.getList("documents.buckets").size(), "tyndau.ui.overview-days");
        given().get("/api/overview?from=yesterday").then().statusCode(400);
    }
}
