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
            return Map.of("tyndau.topics.max", "10", "tyndau.alerts.max-rules", "6");
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
}
