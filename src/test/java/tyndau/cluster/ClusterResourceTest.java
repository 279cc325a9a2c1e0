package tyndau.cluster;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/cluster} with one instance (on H2, and again on PostgreSQL in the persistence run): it
 * lists itself, live, holding every singleton job. Several instances: SharedDatabaseIT.
 */
@QuarkusTest
@Tag("persistence")
class ClusterResourceTest {

    @Test
    void oneInstanceListsItselfLiveHoldingEveryJob() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Map<String, Object> me = null;
        while (System.nanoTime() < deadline) {
            JsonPath j = given().get("/api/cluster").then().statusCode(200).extract().jsonPath();
            String self = j.getString("self");
            List<Map<String, Object>> instances = j.getList("instances");
            me = instances.stream().filter(i -> self.equals(i.get("id"))).findFirst().orElse(null);
            if (me != null && Boolean.TRUE.equals(me.get("live")) && ((List<?>) me.get("jobs")).size() == 3) {
                break;
            }
            Thread.sleep(200);
        }
        assertNotNull(me, "this instance writes its row");
        assertEquals(true, me.get("self"));
        assertEquals(true, me.get("live"));
        assertEquals(List.of("poller", "alerts", "deliveries"), me.get("jobs"));
        assertNotNull(me.get("host"));
        assertNotNull(me.get("started"));
        assertTrue(((Number) me.get("lag")).longValue() >= 0);
    }
}
