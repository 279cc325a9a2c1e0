package tyndau.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * PostgreSQL stopped (fast) in the middle of imports through two instances, then started again: every line is
 * accepted or reported, nothing is half-written, readiness says DOWN while the database is away, and both instances
 * recover without a restart. Runs when TYNDAU_TEST_PG_URL names a database and TYNDAU_TEST_PG_STOP /
 * TYNDAU_TEST_PG_START give the shell commands that stop and start its server ({@code .ci/run} sets them).
 */
class DatabaseOutageIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String KEY = "outage-key";
    private static final int LINES = 10_000;
    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    private CompletableFuture<HttpResponse<String>> importVia(ServiceProcess s, String body) {
        return http.sendAsync(HttpRequest.newBuilder(s.uri("/api/import")).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + KEY).header("Content-Type", "application/x-ndjson")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void shell(String command) throws Exception {
        Process p = new ProcessBuilder("sh", "-c", command).inheritIO().start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0, command + " failed");
    }

    /** Whether {@code s} answered its readiness with a 503 at least once within {@code within}. */
    private static boolean saysDown(ServiceProcess s, Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (s.get("/q/health/ready").statusCode() == 503) {
                    return true;
                }
            } catch (java.io.IOException e) {
                // a timeout is not an answer
            }
            Thread.sleep(200);
        }
        return false;
    }

    @Test
    void anImportThroughADatabaseRestartLosesNothingAndBothInstancesRecover() throws Exception {
        String url = System.getenv("TYNDAU_TEST_PG_URL");
        String stop = System.getenv("TYNDAU_TEST_PG_STOP");
        String start = System.getenv("TYNDAU_TEST_PG_START");
        Assumptions.assumeTrue(url != null && stop != null && start != null,
                "TYNDAU_TEST_PG_URL, TYNDAU_TEST_PG_STOP and TYNDAU_TEST_PG_START not set");
        String user = System.getenv("TYNDAU_TEST_PG_USER");
        String password = System.getenv("TYNDAU_TEST_PG_PASSWORD");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement()) {
            st.execute("DROP SCHEMA public CASCADE");
            st.execute("CREATE SCHEMA public");
        }
        String[] props = {"tyndau.demo.enabled=false", "tyndau.api-key=" + KEY, "tyndau.import.batch-size=200",
                "tyndau.db.url=" + url, "tyndau.db.user=" + user, "tyndau.db.password=" + password,
                "tyndau.polling.enabled=false", "tyndau.rate-limit.per-minute=0", "tyndau.cluster.heartbeat=1s"};
        try (ServiceProcess a = new ServiceProcess(dir.resolve("a"), props); ServiceProcess b = new ServiceProcess(dir.resolve("b"), props)) {
            a.start();
            a.awaitReady(Duration.ofMinutes(2));
            b.start();
            b.awaitReady(Duration.ofMinutes(2));
            String first = SharedDatabaseIT.lines("o1", LINES);
            String second = SharedDatabaseIT.lines("o2", LINES);
            CompletableFuture<HttpResponse<String>> viaA = importVia(a, first);
            CompletableFuture<HttpResponse<String>> viaB = importVia(b, second);
            Thread.sleep(2000);
            shell(stop);
            long stoppedAt = System.nanoTime();
            try {
                assertTrue(saysDown(a, Duration.ofSeconds(15)), "readiness of a while the database is away");
                assertTrue(saysDown(b, Duration.ofSeconds(15)), "readiness of b while the database is away");
                long away = Duration.ofSeconds(5).toNanos() - (System.nanoTime() - stoppedAt);
                if (away > 0) {
                    Thread.sleep(away / 1_000_000);
                }
            } finally {
                shell(start);
            }
            long back = System.nanoTime();
            // Every line of each import is accounted for in its answer: stored, a duplicate, or reported.
            for (CompletableFuture<HttpResponse<String>> f : java.util.List.of(viaA, viaB)) {
                HttpResponse<String> r = f.get(5, TimeUnit.MINUTES);
                if (r.statusCode() != 200) {
                    for (ServiceProcess s : java.util.List.of(a, b)) {
                        java.util.List<String> log = java.nio.file.Files.readAllLines(s.log);
                        int at = 0;
                        for (int i = 0; i < log.size(); i++) {
                            if (log.get(i).contains("ERROR")) {
                                at = i;
                                break;
                            }
                        }
                        log.subList(at, Math.min(log.size(), at + 60)).forEach(l -> System.out.println("  | " + l));
                    }
                }
                assertEquals(200, r.statusCode(), r.body());
                JsonNode j = JSON.readTree(r.body());
                assertEquals(LINES, j.get("accepted").asLong() + j.get("duplicates").asLong() + j.get("rejected").asLong(), r.body());
                System.out.printf("DatabaseOutageIT: an import through the outage: %d accepted, %d rejected (to send again)%n",
                        j.get("accepted").asLong(), j.get("rejected").asLong());
            }
            // Both recover without a restart, and readiness says so.
            a.awaitReady(Duration.ofMinutes(1));
            b.awaitReady(Duration.ofMinutes(1));
            System.out.printf("DatabaseOutageIT: both instances ready %d ms after the database came back%n",
                    (System.nanoTime() - back) / 1_000_000);
            // What was reported is sent again: now every line is stored once.
            for (CompletableFuture<HttpResponse<String>> f : java.util.List.of(importVia(a, first), importVia(b, second))) {
                HttpResponse<String> r = f.get(5, TimeUnit.MINUTES);
                JsonNode j = JSON.readTree(r.body());
                assertEquals(0, j.get("rejected").asLong(), r.body());
                assertEquals(LINES, j.get("accepted").asLong() + j.get("duplicates").asLong(), r.body());
            }
            try (Connection c = DriverManager.getConnection(url, user, password); Statement st = c.createStatement();
                 ResultSet r = st.executeQuery("select count(*), count(distinct seq), count(distinct url_hash) from document")) {
                r.next();
                assertEquals(2L * LINES, r.getLong(1), "every line stored");
                assertEquals(r.getLong(1), r.getLong(2), "every sequence number given once");
                assertEquals(r.getLong(1), r.getLong(3), "nothing stored twice");
            }
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!(SharedDatabaseIT.total(a, "/api/search?size=1") == 2L * LINES && SharedDatabaseIT.total(b, "/api/search?size=1") == 2L * LINES)) {
                assertTrue(System.nanoTime() < deadline, "both indexes agree with the database");
                Thread.sleep(250);
            }
        }
    }
}
