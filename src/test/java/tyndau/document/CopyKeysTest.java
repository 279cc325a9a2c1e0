package tyndau.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tyndau.Row;
import tyndau.index.LuceneIndex;

/**
 * Copies are found through the index's copy keys and the rows it does not hold yet, and the decisions are those of
 * the rule read plainly: every stored document linked to the earliest earlier one that tells the same story within the
 * window (or to that one's original), here by comparing each with every earlier one. Two imports: the second's copies
 * of the first are found in the index, its copies of itself among rows not indexed yet and in the same batch.
 */
@QuarkusTest
@Tag("persistence")
class CopyKeysTest {
    static final String KEY = "Bearer test-api-key";

    @Inject
    Deduplicator dedupe;
    @Inject
    LuceneIndex index;
    @Inject
    DocumentWriter writer;

    private final Random random = new Random(7);
    private final List<String[]> stories = new ArrayList<>();

    @Test
    void decisionsAreThoseOfComparingWithEveryEarlierDocument() throws Exception {
        String run = "k" + UUID.randomUUID().toString().substring(0, 8);
        importLines(lines(run, 0, 900));
        long deadline = System.currentTimeMillis() + 60_000;
        while (index.indexedSeq() < writer.maxSeq() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        importLines(lines(run, 900, 1800));

        List<Document> stored = QuarkusTransaction.requiringNew().call(() -> Row.list(Document.class, "sourceId like ?1", run + "%"));
        stored.sort(Comparator.comparingLong(d -> d.seq));
        assertEquals(1800, stored.size());
        List<Deduplicator.Print> earlier = new ArrayList<>();
        int copies = 0;
        for (Document d : stored) {
            Long expected = dedupe.originalOf(d, earlier).map(Deduplicator.Link::original).orElse(null);
            assertEquals(expected, d.duplicateOf, "document " + d.id + " (" + d.url + ")");
            copies += expected == null ? 0 : 1;
            earlier.add(Deduplicator.Print.of(d));
        }
        assertTrue(copies > 400, copies + " copies linked");
    }

    private static void importLines(String lines) {
        given().header("Authorization", KEY).contentType("application/x-ndjson").body(lines.getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200).body("rejected", org.hamcrest.Matchers.equalTo(0))
                .body("duplicates", org.hamcrest.Matchers.equalTo(0));
    }

    /**
     * Stories of 40 words from a vocabulary of 3,000, so distinct stories share almost no shingles; a third of the lines
     * copy an earlier story (the very same text, or with a word added: Jaccard above 0.95), some of them beyond the
     * three-day window; a few short texts repeated with their titles (same title and text).
     */
    private String lines(String run, int from, int to) {
        StringBuilder out = new StringBuilder();
        Instant start = Instant.parse("2018-05-01T00:00:00Z");
        for (int i = from; i < to; i++) {
            String title;
            String body;
            Instant at = start.plusSeconds(random.nextInt(40 * 86_400));
            int kind = random.nextInt(12);
            if (kind < 4 && !stories.isEmpty()) {
                String[] original = stories.get(random.nextInt(stories.size()));
                title = original[0];
                body = kind == 0 ? original[1] : original[1] + " слово" + random.nextInt(1000);
                at = Instant.parse(original[2]).plusSeconds((long) random.nextInt(kind == 3 ? 8 * 86_400 : 2 * 86_400));
            } else if (kind == 4) {
                title = "Коротко " + random.nextInt(5);
                body = "Курс " + random.nextInt(3) + " тенге.";
            } else {
                StringBuilder b = new StringBuilder();
                for (int w = 0; w < 40; w++) {
                    b.append("w").append(random.nextInt(3000)).append(w % 10 == 9 ? ". " : " ");
                }
                title = "История " + i;
                body = b.toString().trim();
            }
            stories.add(new String[] {title, body, at.toString()});
            out.append(String.format("{\"source\":\"%s-%d\",\"role\":\"independent_media\",\"url\":\"https://example.org/%s/%d\","
                    + "\"title\":\"%s\",\"body\":\"%s\",\"published\":\"%s\",\"lang\":\"ru\"}%n", run, i % 7, run, i, title, body, at));
        }
        return out.toString();
    }
}
