package tyndau.index;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * At shutdown (before the database closes) a running rebuild stops at its next batch and is waited for,
 * and none starts afterwards — not even one a topic edit queued. Its own profile: the application under
 * this test is stopped for good.
 */
@QuarkusTest
@TestProfile(ReindexShutdownTest.Alone.class)
class ReindexShutdownTest {
    public static class Alone implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tyndau.ui.overview-days", "91"); // a profile of its own
        }
    }

    @Inject
    Reindexer reindexer;

    @Test
    void aRebuildStopsAtShutdownAndNoneStartsAfter() throws Exception {
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            lines.append(String.format("{\"source\":\"shutdown-test\",\"role\":\"independent_media\",\"url\":\"https://example.org/shutdown/%d\",\"title\":\"Item %d\","
                    + "\"body\":\"Text number %d about the Caspian and the steppe, long enough to be analysed.\","
                    + "\"published\":\"2023-03-01T10:00:00Z\",\"lang\":\"en\"}%n", i, i, i));
        }
        given().header("Authorization", "Bearer test-api-key").contentType("application/x-ndjson")
                .body(lines.toString().getBytes(StandardCharsets.UTF_8)).post("/api/import").then().statusCode(200)
                .body("accepted", org.hamcrest.Matchers.equalTo(3000));
        assertTrue(reindexer.start());
        // 3000 documents take seconds to rebuild; shutdown begins microseconds after the start, mid-rebuild.
        Reindexer.Status before = reindexer.status();
        assertEquals("running", before.state(), "shutdown must meet a running rebuild: " + before);
        long t0 = System.nanoTime();
        reindexer.onStop(null);
        Duration took = Duration.ofNanos(System.nanoTime() - t0);
        Reindexer.Status s = reindexer.status();
        assertEquals("failed", s.state(), "the rebuild stopped at its next batch instead of finishing: " + s);
        assertEquals("abandoned: the service stopped", s.error());
        assertEquals(before.generation(), s.generation(), "the rebuild that was running is the one abandoned");
        assertTrue(took.toSeconds() < 15, took.toString());
        assertFalse(reindexer.start(), "no rebuild starts once the service stops");
        reindexer.onTopicsChanged(new Reindexer.TopicsChanged());
        assertEquals(s, reindexer.status(), "a topic edit after shutdown queues nothing");
    }
}
