package tyndau.topics;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tyndau.cluster.Cluster;
import tyndau.index.Reindexer;

/**
 * The index is rebuilt only when what it holds of the topics changed: a reconnect's re-read (the "topics" message an
 * instance fires to itself after a blip) or a new label changes nothing; a new query does.
 */
@QuarkusTest
class TopicRebuildTest {
    static final String KEY = "Bearer test-api-key";

    @Inject
    Reindexer reindexer;

    @Inject
    Event<Cluster.Message> messages;

    private Instant settled() throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while ("running".equals(reindexer.status().state()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(300); // a queued rebuild starts right after the running one
        while ("running".equals(reindexer.status().state()) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        return reindexer.status().startedAt();
    }

    private static void put(String id, String label, String query) {
        given().header("Authorization", KEY).contentType("application/json")
                .body("{\"label\":\"" + label + "\",\"query\":\"" + query + "\",\"sensitive\":false}")
                .put("/api/topics/" + id).then().statusCode(200);
    }

    @Test
    void onlyAChangedQueryRebuildsTheIndex() throws Exception {
        String id = "rebuild-" + UUID.randomUUID().toString().substring(0, 8);
        put(id, "Grain", "зерно");
        Instant first = settled();

        messages.fire(new Cluster.Message("topics", ""));
        Thread.sleep(1000);
        assertEquals(first, settled(), "a re-read after a reconnect, with nothing changed, rebuilds nothing");

        put(id, "Grain exports", "зерно");
        Thread.sleep(1000);
        assertEquals(first, settled(), "a new label is not a new index");

        put(id, "Grain exports", "зерно OR пшеница");
        Thread.sleep(1000);
        assertNotEquals(first, settled(), "a new query is");
        given().header("Authorization", KEY).delete("/api/topics/" + id).then().statusCode(204);
    }
}
