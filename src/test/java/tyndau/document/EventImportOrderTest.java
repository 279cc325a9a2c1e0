package tyndau.document;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tyndau.Row;
import tyndau.events.EventAssigner;
import tyndau.events.EventParameters;
import tyndau.events.Fingerprinter;
import tyndau.events.Report;
import tyndau.events.ReportSide;

/**
 * A file imported in any order within one batch is grouped as if it had come in publication order: the writer stores a
 * batch in order of publication, and the assigner reads it so. The labelled {@code fresh} set is imported shuffled
 * (reports of one happening far apart in the file, later ones first) and its events must be the partition an assigner
 * makes of the same reports in publication order.
 */
@QuarkusTest
@Tag("persistence")
class EventImportOrderTest {
    @Test
    void aShuffledFileIsGroupedAsInPublicationOrder() throws Exception {
        String run = "eo" + UUID.randomUUID().toString().substring(0, 6);
        List<JsonNode> reports = new ArrayList<>();
        try (InputStream in = getClass().getResourceAsStream("/events/fresh.jsonl")) {
            ObjectMapper json = new ObjectMapper();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) {
                    reports.add(json.readTree(line));
                }
            }
        }
        List<JsonNode> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(31));
        StringBuilder file = new StringBuilder();
        shuffled.forEach(r -> file.append(EventAssignmentTest.line(run, r, r.get("id").asText())));
        EventAssignmentTest.importLines(file.toString());

        Map<String, Long> stored = new HashMap<>();
        for (Document d : QuarkusTransaction.requiringNew().call(() -> Row.list(Document.class, "sourceId like ?1", run + "%"))) {
            stored.put(d.url.substring(d.url.lastIndexOf('/') + 1), d.eventId);
        }

        EventParameters p = EventParameters.defaults();
        Fingerprinter fingerprinter = new Fingerprinter(p);
        EventAssigner assigner = new EventAssigner(p);
        Map<String, Long> inOrder = new HashMap<>();
        List<JsonNode> sorted = new ArrayList<>(reports);
        sorted.sort(Comparator.comparing(r -> OffsetDateTime.parse(r.get("published").asText()).toInstant()));
        for (JsonNode r : sorted) {
            Report report = new Report(r.get("id").asText(), r.get("lang").asText(), OffsetDateTime.parse(r.get("published").asText()),
                    run + "-" + r.get("source").asText(), ReportSide.of(r.get("side").asText()), r.get("title").asText(),
                    r.get("text").asText());
            inOrder.put(r.get("id").asText(), assigner.assign(fingerprinter.fingerprint(report)).event());
        }
        inOrder.replaceAll((id, e) -> assigner.resolve(e));
        assertEquals(partition(inOrder), partition(stored));
    }

    /** The groups of report ids, whatever the ids of the events. */
    private static Set<Set<String>> partition(Map<String, Long> events) {
        Map<Long, Set<String>> groups = new HashMap<>();
        events.forEach((report, event) -> groups.computeIfAbsent(event, e -> new HashSet<>()).add(report));
        return new HashSet<>(groups.values());
    }
}
