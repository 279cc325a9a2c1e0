package tyndau.topics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every document pays for each topic and rule, so their number is capped (configurable), and a delete makes room. */
@QuarkusTest
@TestProfile(LimitsTest.Small.class)
class LimitsTest {
    static final String KEY = "Bearer test-api-key";

    public static class Small implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tyndau.topics.max", "10", "tyndau.alerts.max-rules", "6", "tyndau.alerts.max-streams", "2");
        }
    }

    static int putTopic(String id) {
        return given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("label", "Limit " + id, "query", "limitword" + id.replace("-", ""), "sensitive", false))
                .put("/api/topics/" + id).statusCode();
    }

    static int postRule(String id) {
        return given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("id", id, "kind", "sensitive-announcement")).post("/api/alert-rules").statusCode();
    }

    @Test
    void topicsAndRulesStopAtTheirCapAndADeleteMakesRoom() {
        int created = 0;
        int status = 200;
        while (status == 200 && created < 20) {
            status = putTopic("limit-" + created);
            created += status == 200 ? 1 : 0;
        }
        assertEquals(409, status, "refused once full");
        assertEquals(10, given().get("/api/topics").then().extract().jsonPath().getList("$").size());
        assertEquals(200, putTopic("limit-0"), "editing an existing topic is not creating one");
        given().header("Authorization", KEY).delete("/api/topics/limit-0").then().statusCode(204);
        assertEquals(200, putTopic("limit-again"), "a delete makes room");

        int rules = 0;
        int answer = 201;
        while (answer == 201 && rules < 20) {
            answer = postRule("limit-rule-" + rules);
            rules += answer == 201 ? 1 : 0;
        }
        assertEquals(409, answer);
        List<Object> all = given().get("/api/alert-rules").then().extract().jsonPath().getList("$");
        assertEquals(6, all.size(), all.toString());
        assertTrue(given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("id", "limit-rule-x", "kind", "sensitive-announcement")).post("/api/alert-rules")
                .then().statusCode(409).extract().jsonPath().getString("detail").contains("tyndau.alerts.max-rules"));
    }

    @Test
    void aThirdAlertStreamIsRefusedWithRetryAfter() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.URI uri = java.net.URI.create("http://localhost:" + io.restassured.RestAssured.port + "/api/alerts/stream");
        List<java.io.InputStream> open = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 2; i++) {
                java.net.http.HttpResponse<java.io.InputStream> r = client.send(java.net.http.HttpRequest.newBuilder(uri)
                        .header("Accept", "text/event-stream").build(), java.net.http.HttpResponse.BodyHandlers.ofInputStream());
                assertEquals(200, r.statusCode());
                open.add(r.body());
            }
            io.restassured.response.Response third = given().header("Accept", "text/event-stream").get("/api/alerts/stream");
            assertEquals(429, third.statusCode());
            assertEquals("30", third.header("Retry-After"));
            assertTrue(third.jsonPath().getString("detail").contains("tyndau.alerts.max-streams"));
        } finally {
            for (java.io.InputStream in : open) {
                in.close();
            }
        }
    }
}
