package tyndau.cluster;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/cluster} with one instance (on H2, and again on PostgreSQL in the persistence run): it
 * lists itself, live, holding every singleton job, its index caught up with the database (lag 0) once a
 * heartbeat has passed since the last write. Several instances: SharedDatabaseIT.
 */
@QuarkusTest
@Tag("persistence")
class ClusterResourceTest {

    @Test
    void oneInstanceListsItselfLiveHoldingEveryJobWithItsIndexCaughtUp() throws Exception {
        // A document committed now: the database's sequence moves past anything the index held before.
        String run = "cluster-" + UUID.randomUUID().toString().substring(0, 8);
        String line = "{\"source\":\"" + run + "\",\"role\":\"social\",\"url\":\"https://example.org/" + run
                + "\",\"title\":\"Heartbeat\",\"body\":\"A document for the cluster view.\","
                + "\"published\":\"2023-03-01T10:00:00Z\",\"lang\":\"en\"}";
        given().header("Authorization", "Bearer test-api-key").contentType("application/x-ndjson")
                .body(line.getBytes(StandardCharsets.UTF_8)).post("/api/import").then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.equalTo(1));
        long committed = given().get("/api/cluster").then().statusCode(200).extract().jsonPath().getLong("databaseSeq");
        assertTrue(committed > 0, "the import moved the database's sequence");

        // Caught up: the index holds that document and a heartbeat since has said so.
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Object> me = null;
        long databaseSeq = -1;
        while (System.nanoTime() < deadline) {
            JsonPath j = given().get("/api/cluster").then().statusCode(200).extract().jsonPath();
            String self = j.getString("self");
            databaseSeq = j.getLong("databaseSeq");
            List<Map<String, Object>> instances = j.getList("instances");
            me = instances.stream().filter(i -> self.equals(i.get("id"))).findFirst().orElse(null);
            if (me != null && Boolean.TRUE.equals(me.get("live")) && ((List<?>) me.get("jobs")).size() == 3
                    && ((Number) me.get("indexedSeq")).longValue() >= committed) {
                break;
            }
            Thread.sleep(200);
        }
        assertNotNull(me, "this instance writes its row");
        assertEquals(true, me.get("self"));
        assertEquals(true, me.get("live"));
        assertEquals(List.of("poller", "alerts", "deliveries", "events"), me.get("jobs"));
        assertNotNull(me.get("host"));
        assertNotNull(me.get("started"));
        long indexedSeq = ((Number) me.get("indexedSeq")).longValue();
        long lag = ((Number) me.get("lag")).longValue();
        assertTrue(indexedSeq >= committed, "the heartbeat reports the index past the import: " + me);
        assertEquals(databaseSeq - indexedSeq, lag, "lag is what the database holds beyond the index: " + me);
        assertEquals(0, lag, "nothing is being written, so the index has caught up: " + me);
    }
}
