package tyndau.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A document export streams page by page (memory holds one page) and only so many run at once. */
@QuarkusTest
@TestProfile(ExportLimitsTest.OneAtATime.class)
class ExportLimitsTest {
    static final String KEY = "Bearer test-api-key";
    static final int DOCS = 150;

    public static class OneAtATime implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tyndau.export.max-concurrent", "1", "tyndau.export.page-size", "7");
        }
    }

    /** {@code DOCS} documents of ~60 KB each (9 MB in all: more than loopback socket buffers hold). */
    static void importLarge(String run) {
        Random random = new Random(7);
        String[] words = {"parliament", "budget", "river", "harvest", "railway", "school", "court", "weather", "market", "bridge"};
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < DOCS; i++) {
            StringBuilder body = new StringBuilder(61_000);
            while (body.length() < 60_000) {
                body.append(words[random.nextInt(words.length)]).append(random.nextInt(100_000)).append(' ');
            }
            // Every fifth has the same time as the one before it: ties are ordered too.
            Instant at = Instant.parse("2023-03-01T00:00:00Z").plusSeconds(3600L * (i - i % 5 / 4));
            lines.append("{\"source\":\"").append(run).append("\",\"role\":\"social\",\"url\":\"https://example.org/")
                    .append(run).append('/').append(i).append("\",\"title\":\"Story ").append(i).append("\",\"body\":\"")
                    .append(body).append("\",\"published\":\"").append(at).append("\",\"lang\":\"en\"}\n");
        }
        given().header("Authorization", KEY).contentType("application/x-ndjson").body(lines.toString().getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200);
    }

    @Test
    void pagesCoverEveryMatchOnceInOrderAndASecondExportWaitsItsTurn() throws Exception {
        String run = "exl" + Long.toString(System.nanoTime(), 36);
        importLarge(run);

        // Page after page (7 ids each): every document once, oldest first.
        String jsonl = given().queryParam("source", run).queryParam("format", "jsonl").get("/api/export/documents")
                .then().statusCode(200).extract().asString();
        ObjectMapper m = new ObjectMapper();
        List<String> published = new ArrayList<>();
        Set<Long> ids = new HashSet<>();
        for (String line : jsonl.split("\n")) {
            var node = m.readTree(line);
            ids.add(node.get("id").asLong());
            published.add(node.get("published").asText());
        }
        assertEquals(DOCS, published.size());
        assertEquals(DOCS, ids.size(), "no document twice across pages");
        List<String> sorted = new ArrayList<>(published);
        sorted.sort(null);
        assertEquals(sorted, published, "oldest first across pages");

        // HEAD writes no body and takes no turn (four of them once kept every export out).
        for (int i = 0; i < 5; i++) {
            assertEquals(200, given().queryParam("source", run).head("/api/export/documents").statusCode());
        }
        // An export whose client reads nothing holds its turn: the next one is refused, with Retry-After.
        try (Socket slow = new Socket()) {
            slow.setReceiveBufferSize(4096);
            slow.connect(new java.net.InetSocketAddress("localhost", RestAssured.port));
            OutputStream out = slow.getOutputStream();
            out.write(("GET /api/export/documents?format=jsonl&source=" + run + " HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = slow.getInputStream();
            byte[] head = in.readNBytes(12);
            assertEquals("HTTP/1.1 200", new String(head, StandardCharsets.US_ASCII));
            var second = given().queryParam("source", run).get("/api/export/documents");
            assertEquals(429, second.statusCode());
            assertTrue(Integer.parseInt(second.header("Retry-After")) > 0);
            assertTrue(second.jsonPath().getString("detail").contains("tyndau.export.max-concurrent"));
            assertEquals(200, given().header("Authorization", KEY).queryParam("source", run).queryParam("to", "2023-03-01")
                    .get("/api/export/documents").statusCode(), "a caller with the key does not queue behind the open cap");
        }
        // The stalled client is gone: its turn is given back.
        int status = 0;
        for (int i = 0; i < 100 && status != 200; i++) {
            status = given().queryParam("source", run).queryParam("to", "2023-03-01").get("/api/export/documents").statusCode();
            if (status != 200) {
                Thread.sleep(100);
            }
        }
        assertEquals(200, status);
    }
}
