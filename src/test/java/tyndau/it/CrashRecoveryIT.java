package tyndau.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.apache.lucene.index.CheckIndex;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A child JVM importing is killed with SIGKILL at random points; after each restart the database
 * and the index agree, and at the end CheckIndex finds the index clean.
 */
class CrashRecoveryIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    static String body(int round, int lines) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < lines; i++) {
            b.append("{\"source\":\"crash\",\"role\":\"social\",\"url\":\"https://example.org/crash/").append(round).append('/').append(i)
                    .append("\",\"title\":\"Ресей мен Қытай ").append(i).append("\",\"body\":\"Шекарада кезек. Россия и Китай обсудили транзит.\"")
                    .append(",\"published\":\"2023-01-01T00:00:00Z\"}\n");
        }
        return b.toString();
    }

    long total(ServiceProcess s, String path) throws Exception {
        return JSON.readTree(s.get(path).body()).get("total").asLong();
    }

    @Test
    void killedMidImportRecoversWithDatabaseAndIndexInAgreement() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("CrashRecoveryIT seed " + seed);
        String key = "crash-test-key";
        try (ServiceProcess s = new ServiceProcess(home, "tyndau.demo.enabled=false", "tyndau.api-key=" + key,
                "tyndau.import.batch-size=200")) {
            HttpClient http = HttpClient.newHttpClient();
            for (int round = 0; round < 4; round++) {
                s.start();
                s.awaitReady(Duration.ofMinutes(2));
                assertAgreement(s);
                HttpRequest req = HttpRequest.newBuilder(s.uri("/api/import"))
                        .header("Authorization", "Bearer " + key)
                        .header("Content-Type", "application/x-ndjson")
                        .POST(HttpRequest.BodyPublishers.ofString(body(round, 40_000)))
                        .build();
                CompletableFuture<HttpResponse<String>> pending = http.sendAsync(req, HttpResponse.BodyHandlers.ofString());
                long killAfter = 300 + random.nextInt(2500);
                Thread.sleep(killAfter);
                if (round == 3) {
                    // the last kill comes after a first batch is committed, so that recovery has something to agree on
                    // even when every earlier kill came before the first commit (a cold start on a slow machine)
                    long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
                    while (total(s, "/api/search?size=1") == 0 && System.nanoTime() < deadline) {
                        Thread.sleep(50);
                    }
                    Thread.sleep(random.nextInt(500));
                }
                s.kill();
                pending.handle((r, e) -> null).join();
                System.out.printf("round %d: killed after %d ms%n", round, killAfter);
            }
            s.start();
            s.awaitReady(Duration.ofMinutes(2));
            long stored = assertAgreement(s);
            assertTrue(stored > 0, "something was committed before the kills");
            s.stop();
        }
        Path current = home.resolve("index").resolve(Files.readString(home.resolve("index/current")).trim());
        try (FSDirectory dir = FSDirectory.open(current); CheckIndex check = new CheckIndex(dir)) {
            CheckIndex.Status status = check.checkIndex();
            assertTrue(status.clean, "CheckIndex reports problems");
        }
    }

    private long assertAgreement(ServiceProcess s) throws Exception {
        JsonNode ready = JSON.readTree(s.get("/q/health/ready").body());
        JsonNode index = null;
        for (JsonNode c : ready.get("checks")) {
            if (c.get("name").asText().equals("index")) {
                index = c.get("data");
            }
        }
        assertEquals(index.get("databaseSeq").asLong(), index.get("indexedSeq").asLong());
        long stored = total(s, "/api/documents?size=1");
        long indexed = total(s, "/api/search?size=1");
        assertEquals(stored, indexed, "every committed document is in the index exactly once");
        assertEquals(stored, total(s, "/api/search?size=1&q=%D0%A0%D0%B5%D1%81%D0%B5%D0%B9"), "and searchable");
        return stored;
    }
}
