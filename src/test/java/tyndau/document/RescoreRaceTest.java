package tyndau.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tyndau.Row;
import tyndau.source.RoleChanged;
import tyndau.source.SourceRole;

/**
 * A re-scoring that read a row before a role change re-sequenced it writes its tone without writing the old
 * sequence number back (replicas that passed the new number would never read the row again).
 */
@QuarkusTest
@Tag("persistence")
class RescoreRaceTest {
    @Inject
    Event<RoleChanged> roleChanged;

    @Test
    void aRescoreRacingARoleChangeKeepsTheNewSequenceNumber() throws Exception {
        String source = "race-" + UUID.randomUUID().toString().substring(0, 8);
        given().header("Authorization", "Bearer test-api-key").contentType("application/x-ndjson")
                .body(("{\"source\":\"" + source + "\",\"role\":\"independent_media\",\"url\":\"https://example.org/" + source
                        + "\",\"title\":\"Переговоры\",\"body\":\"Стороны договорились о поставках зерна.\",\"published\":\"2023-04-01\",\"lang\":\"ru\"}\n")
                        .getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200);
        long id = QuarkusTransaction.requiringNew().call(() -> Row.list(Document.class, "sourceId = ?1", source).get(0).id);
        long before = QuarkusTransaction.requiringNew().call(() -> Document.findById(id).seq);

        QuarkusTransaction.requiringNew().run(() -> {
            Document read = Document.findById(id); // the re-scoring's read, as rowsAfter makes it
            Thread roleChange = new Thread(() -> roleChanged.fire(new RoleChanged(source, SourceRole.INDEPENDENT_MEDIA,
                    SourceRole.GOVERNMENT)));
            roleChange.start();
            try {
                roleChange.join(30_000);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            DocumentRows.writeBack(read, new Analysis(-0.42, new ToneReading(ToneReading.NEGATIVE, 0.9), List.of(), java.util.Map.of()));
        });

        Document after = QuarkusTransaction.requiringNew().call(() -> Document.findById(id));
        assertTrue(after.seq > before, "the role change's new sequence number survived the re-scoring's commit: "
                + before + " → " + after.seq);
        assertEquals(-0.42, after.tone, 1e-9);
        assertEquals(ToneReading.NEGATIVE, after.toneLabel);
    }
}
