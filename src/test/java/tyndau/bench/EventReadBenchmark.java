package tyndau.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import tyndau.document.DocumentWriter;
import tyndau.index.LuceneIndex;

/**
 * Reading by events at scale (issue 31): after an import of {@code bench.docs} labelled reports (the stream of
 * EventImportBenchmark), each request is timed {@code bench.repeats} times (after a warm-up) and its median is quoted as a
 * ratio to the median of a plain document search of the same run. On demand only:
 * {@code ./mvnw test -Dtest=EventReadBenchmark -Dbench.docs=50000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@TestProfile(ImportBenchmark.Defaults.class)
class EventReadBenchmark {
    @Inject
    LuceneIndex index;
    @Inject
    DocumentWriter writer;

    @Test
    void readsByEventsAgainstADocumentSearch() throws Exception {
        int n = Integer.getInteger("bench.docs", 20_000);
        List<JsonNode> reports = EventImportBenchmark.labelledReports();
        Path file = EventImportBenchmark.stream(Files.createTempDirectory("tyndau-event-read"), reports, n, 1);
        given().header("Authorization", "Bearer test-api-key").contentType("application/x-ndjson").body(file.toFile())
                .post("/api/import").then().statusCode(200);
        long target = writer.maxSeq();
        while (index.indexedSeq() < target) {
            Thread.sleep(20);
        }
        int total = given().get("/api/events?size=1").then().statusCode(200).extract().jsonPath().getInt("total");
        long biggest = given().get("/api/events?size=100").then().extract().jsonPath().getList("items", java.util.Map.class).stream()
                .max(java.util.Comparator.comparingInt(m -> ((Number) m.get("documents")).intValue()))
                .map(m -> ((Number) m.get("id")).longValue()).orElseThrow();
        System.out.printf("EventReadBenchmark: %d documents imported, %d events listed%n", n, total);
        String[][] requests = {
            {"search, 50 documents (baseline)", "/api/search?size=50"},
            {"events, page 1 of 50", "/api/events?size=50"},
            {"events, page 20 of 50", "/api/events?size=50&page=20"},
            {"events matching a word", "/api/events?size=50&q=consulate"},
            {"events of a topic", "/api/events?size=50&topic=china"},
            {"one event with its reports", "/api/events/" + biggest},
            {"timeline, documents", "/api/timeline?topic=china"},
            {"timeline, events", "/api/timeline?topic=china&unit=events"},
            {"responsiveness, documents", "/api/responsiveness?topic=china"},
            {"responsiveness, events", "/api/responsiveness?topic=china&unit=events"},
        };
        int repeats = Integer.getInteger("bench.repeats", 15);
        double baseline = 0;
        StringBuilder table = new StringBuilder("\n| request | median ms | × search |\n|---|---|---|\n");
        for (String[] r : requests) {
            double median = median(r[1], repeats);
            if (baseline == 0) {
                baseline = median;
            }
            table.append(String.format(java.util.Locale.ROOT, "| %s | %.1f | %.2f |%n", r[0], median, median / baseline));
        }
        System.out.println("EventReadBenchmark (" + n + " documents, " + total + " events):" + table);
    }

    private static double median(String path, int repeats) {
        for (int i = 0; i < 3; i++) {
            given().get(path).then().statusCode(200);
        }
        double[] ms = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long t0 = System.nanoTime();
            given().get(path).then().statusCode(200);
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(ms);
        return ms[repeats / 2];
    }
}
