package tyndau.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tyndau.document.DocumentWriter;
import tyndau.document.EventSwitch;
import tyndau.index.LuceneIndex;

/**
 * Import speed with events off and on, in the same run (issue 31): the labelled reports of dev, test and fresh (309,
 * in kk, ru and en) copied into a stream nine days apart per copy (titles numbered, so no copy is a duplicate), as
 * import lines in publication order (as EventScaleTest: the copies overlap in time). Each round imports a fresh
 * stream with events off and another with them on, in turns (off first, then on first), timed until searchable.
 * On demand only: {@code ./mvnw test -Dtest=EventImportBenchmark -Dbench.docs=20000 -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
@TestProfile(ImportBenchmark.Defaults.class)
class EventImportBenchmark {
    @Inject
    LuceneIndex index;
    @Inject
    DocumentWriter writer;

    @Test
    void importWithEventsOffAndOn() throws Exception {
        int n = Integer.getInteger("bench.docs", 20_000);
        int rounds = Integer.getInteger("bench.rounds", 2);
        List<JsonNode> reports = labelledReports();
        Path dir = Files.createTempDirectory("tyndau-event-bench");
        import_(stream(dir, reports, 2_000, 0), "warm-up (events on)", true);
        int era = 1;
        // Every import is slower than the one before (the tables and the index grow): rounds alternate the order
        // (off then on, on then off) so that the growth does not count against one side.
        double offSum = 0;
        double onSum = 0;
        for (int round = 0; round < rounds; round++) {
            double off;
            double on;
            if (round % 2 == 0) {
                off = import_(stream(dir, reports, n, era++), "events off", false);
                on = import_(stream(dir, reports, n, era++), "events on ", true);
            } else {
                on = import_(stream(dir, reports, n, era++), "events on ", true);
                off = import_(stream(dir, reports, n, era++), "events off", false);
            }
            offSum += off;
            onSum += on;
            System.out.printf("EventImportBenchmark round %d: %d lines, events on / off = %.3f%n", round + 1, n, on / off);
        }
        System.out.printf("EventImportBenchmark mean over %d rounds: off %.0f docs/s, on %.0f docs/s, on / off = %.3f%n", rounds,
                offSum / rounds, onSum / rounds, onSum / offSum);
        EventSwitch.set(null);
        System.out.println("writer: " + writer.timings());
    }

    /** The labelled reports of dev, test and fresh (309), in publication order. */
    static List<JsonNode> labelledReports() throws java.io.IOException {
        List<JsonNode> reports = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String set : List.of("dev", "test", "fresh")) {
            try (InputStream in = EventImportBenchmark.class.getResourceAsStream("/events/" + set + ".jsonl")) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    if (!line.isBlank()) {
                        reports.add(json.readTree(line));
                    }
                }
            }
        }
        reports.sort(java.util.Comparator.comparing(r -> OffsetDateTime.parse(r.get("published").asText()).toInstant()));
        return reports;
    }

    /** Imports {@code file} with events on or off; docs/s until searchable. */
    private double import_(Path file, String what, boolean events) throws Exception {
        EventSwitch.set(events);
        long t0 = System.nanoTime();
        JsonPath answer = given().header("Authorization", "Bearer test-api-key").contentType("application/x-ndjson")
                .body(file.toFile()).post("/api/import").then().statusCode(200).extract().jsonPath();
        long target = writer.maxSeq();
        while (index.indexedSeq() < target) {
            Thread.sleep(20);
        }
        double s = (System.nanoTime() - t0) / 1e9;
        int accepted = answer.getInt("accepted");
        System.out.printf("EventImportBenchmark %s: %d accepted (%d copies), %d rejected in %.1f s: %.0f docs/s%n", what, accepted,
                answer.getInt("nearDuplicates"), answer.getInt("rejected"), s, accepted / s);
        System.out.println("  writer so far (cumulative): " + writer.timings());
        return accepted / s;
    }

    /**
     * {@code n} lines: the reports copied nine days apart per copy, in an era of their own, six years before the previous
     * one (the past: an import refuses dates in the future).
     */
    static Path stream(Path dir, List<JsonNode> reports, int n, int era) throws Exception {
        String run = "evb" + UUID.randomUUID().toString().substring(0, 6);
        Path file = dir.resolve(run + ".jsonl");
        ObjectMapper json = new ObjectMapper();
        OffsetDateTime base = OffsetDateTime.parse(reports.get(0).get("published").asText());
        List<com.fasterxml.jackson.databind.node.ObjectNode> lines = new ArrayList<>(n);
        {
            for (int i = 0; i < n; i++) {
                int copy = i / reports.size();
                JsonNode r = reports.get(i % reports.size());
                OffsetDateTime at = OffsetDateTime.parse(r.get("published").asText()).plusDays(9L * copy).minusYears(6L * era)
                        .minusYears(base.getYear() - 2000);
                var line = json.createObjectNode();
                line.put("source", run + "-" + r.get("source").asText());
                line.put("role", r.get("side").asText().equals("government") ? "government" : "independent_media");
                line.put("url", "https://example.org/" + run + "/" + i);
                line.put("title", r.get("title").asText() + " " + (copy + 1));
                line.put("body", r.get("text").asText());
                line.put("published", at.toString());
                line.put("lang", r.get("lang").asText());
                lines.add(line);
            }
        }
        // In publication order, as a feed brings them (the copies overlap in time).
        lines.sort(java.util.Comparator.comparing(l -> OffsetDateTime.parse(l.get("published").asText()).toInstant()));
        try (var out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (var line : lines) {
                out.write(line.toString());
                out.write('\n');
            }
        }
        return file;
    }
}
