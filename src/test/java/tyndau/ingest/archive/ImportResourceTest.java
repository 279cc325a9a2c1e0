package tyndau.ingest.archive;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** POST /api/import and reading back through /api/documents, over HTTP, on the configured database. */
@QuarkusTest
@Tag("persistence")
class ImportResourceTest {
    static final String KEY = "Bearer test-api-key";

    @Inject
    ArchiveImporter importer;

    /** The fixture with URLs and source ids made unique, so reruns on a kept PostgreSQL start clean. */
    static String fixture(String run) throws IOException {
        try (InputStream in = ImportResourceTest.class.getResourceAsStream("/import/mixed.jsonl")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("example.org/", "example.org/" + run + "/")
                    .replace("EXAMPLE.org/", "EXAMPLE.org/" + run + "/")
                    .replace("\"source\": \"test-", "\"source\": \"" + run + "-")
                    .replace("\"source\": \"brand-new-source", "\"source\": \"" + run + "-brand-new");
        }
    }

    static JsonPath importBody(String body) {
        return given().header("Authorization", KEY).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/import")
                .then().statusCode(200).extract().jsonPath();
    }

    @Test
    void importsGoodLinesAndReportsEachBadOneByLineNumber() throws IOException {
        String run = "r" + UUID.randomUUID().toString().substring(0, 8);
        JsonPath r = importBody(fixture(run));
        assertEquals(3, r.getInt("accepted"));
        assertEquals(1, r.getInt("duplicates"));
        assertEquals(5, r.getInt("rejected"));
        assertEquals(List.of(3, 4, 6, 7, 8), r.getList("errors.line", Integer.class));
        assertTrue(r.getString("errors[0].reason").contains("JSON"));
        assertTrue(r.getString("errors[1].reason").contains("published"));
        assertTrue(r.getString("errors[2].reason").contains("published"));
        assertTrue(r.getString("errors[3].reason").contains("role"));
        assertTrue(r.getString("errors[4].reason").contains("url"));

        JsonPath news = given().queryParam("source", run + "-news").get("/api/documents").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(1, news.getInt("total"));
        assertEquals("https://example.org/" + run + "/test-news/1", news.getString("items[0].url"));
        assertEquals("independent_media", news.getString("items[0].role"));
        assertEquals("public", news.getString("items[0].side"));
        assertEquals("ru", news.getString("items[0].language"), "language detected when absent");
        assertEquals("2023-02-06T03:00:00Z", news.getString("items[0].published"));
        assertFalse(news.getBoolean("items[0].undateable"));

        JsonPath mfa = given().queryParam("source", run + "-mfa").get("/api/documents").then().extract().jsonPath();
        long id = mfa.getLong("items[0].id");
        assertEquals(null, (Object) mfa.get("items[0].body"), "listings carry no bodies; the document itself has it");
        assertEquals(List.of("turkey", "turkey-aid"), mfa.getList("items[0].topics"), "topics come from the index, not matched again");
        given().get("/api/documents/" + id).then().statusCode(200)
                .body("url", equalTo("https://example.org/" + run + "/test-mfa/1"))
                .body("side", equalTo("government"))
                .body("body", equalTo("Министрлік Түркияға көмек жіберді."))
                .body("bodyHtml", not(containsString("script")))
                .body("topics", hasItems("turkey", "turkey-aid"));
    }

    @Test
    void importingTheSameFileTwiceAcceptsNothingTheSecondTime() throws IOException {
        String body = fixture("r" + UUID.randomUUID().toString().substring(0, 8));
        importBody(body);
        JsonPath again = importBody(body);
        assertEquals(0, again.getInt("accepted"));
        assertEquals(4, again.getInt("duplicates"));
        assertEquals(5, again.getInt("rejected"));
    }

    @Test
    void listsNewestFirstWithPaging() {
        String run = "r" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder lines = new StringBuilder();
        for (int day = 1; day <= 5; day++) {
            lines.append("{\"source\":\"").append(run).append("\",\"role\":\"social\",\"url\":\"https://example.org/")
                    .append(run).append('/').append(day).append("\",\"title\":\"Day ").append(day)
                    .append("\",\"published\":\"2023-03-0").append(day).append("T12:00:00Z\"}\n");
        }
        importBody(lines.toString());
        given().queryParam("source", run).queryParam("size", 2).queryParam("page", 2).get("/api/documents")
                .then().statusCode(200)
                .body("total", equalTo(5))
                .body("page", equalTo(2))
                .body("size", equalTo(2))
                .body("items", hasSize(2))
                .body("items[0].title", equalTo("Day 3"))
                .body("items[1].title", equalTo("Day 2"));
    }

    @Test
    void rejectsOverlongLineWithoutLosingTheNextOne() {
        String run = "r" + UUID.randomUUID().toString().substring(0, 8);
        String huge = "{\"source\":\"" + run + "\",\"role\":\"social\",\"url\":\"https://example.org/" + run
                + "/big\",\"title\":\"big\",\"published\":\"2023-01-01\",\"body\":\"" + "x".repeat(2_100_000) + "\"}";
        String good = "{\"source\":\"" + run + "\",\"role\":\"social\",\"url\":\"https://example.org/" + run
                + "/small\",\"title\":\"small\",\"published\":\"2023-01-01\"}";
        JsonPath r = importBody(huge + "\r\n" + good + "\r\n");
        assertEquals(1, r.getInt("accepted"));
        assertEquals(1, r.getInt("rejected"));
        assertEquals(1, r.getInt("errors[0].line"));
        assertTrue(r.getString("errors[0].reason").contains("longer than"));
    }

    @Test
    void writesWithoutTheKeyGet401AndNoDetailsLeak() {
        given().contentType("application/x-ndjson").body("{}".getBytes(StandardCharsets.UTF_8)).post("/api/import")
                .then().statusCode(401).body("error", equalTo("unauthorized"));
        given().header("Authorization", "Bearer wrong").contentType("application/x-ndjson").body("{}".getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(401);
        given().header("Authorization", "test-api-key").contentType("application/x-ndjson").body("{}".getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(401);
        given().delete("/api/documents/1").then().statusCode(401);
    }

    @Test
    void errorsAreJsonWithoutClassNames() {
        String missing = given().get("/api/documents/999999999").then().statusCode(404)
                .body("error", equalTo("not found")).extract().asString();
        String bad = given().get("/api/documents/not-a-number").then().statusCode(404).extract().asString();
        String page = given().queryParam("page", 0).get("/api/documents").then().statusCode(400)
                .body("detail", containsString("page")).extract().asString();
        for (String body : List.of(missing, bad, page)) {
            assertFalse(body.contains("Exception"), body);
            assertFalse(body.contains("tyndau."), body);
            assertFalse(body.contains("at java"), body);
        }
        given().header("Authorization", KEY).contentType("application/xml").body("<a/>".getBytes(StandardCharsets.UTF_8)).post("/api/import")
                .then().statusCode(415).body("error", not(nullValue()));
    }

    @Test
    void importCountersAreExposedAsMetrics() {
        importBody("{\"source\":\"x\"}\n");
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("tyndau_import_lines_total{outcome=\"rejected\"}"));
    }

    @Test
    void sourcesCreatedByAnImportAreListedWithTheirRole() throws IOException {
        String run = "r" + UUID.randomUUID().toString().substring(0, 8);
        importBody(fixture(run));
        given().get("/api/sources/" + run + "-mfa").then().statusCode(200)
                .body("role", equalTo("government"))
                .body("side", equalTo("government"))
                .body("type", equalTo("archive"))
                .body("health.documents", equalTo(1));
        given().get("/api/sources").then().statusCode(200).body("id", org.hamcrest.Matchers.hasItem(run + "-news"));
        given().get("/api/sources/no-such-source").then().statusCode(404);
    }

    @Test
    void aSourceHasOneRoleWhateverItsLaterLinesSay() {
        // The first line creates the source; the role of the next is not used (the source is no longer new),
        // so both documents are on the source's side, in the index as in the database it is rebuilt from.
        String run = "r" + UUID.randomUUID().toString().substring(0, 8);
        String word = "roleword" + run.substring(1);
        String lines = "{\"source\":\"" + run + "\",\"role\":\"independent_media\",\"url\":\"https://example.org/" + run
                + "/1\",\"title\":\"One " + word + "\",\"body\":\"Text.\",\"published\":\"2023-05-02T10:00:00Z\",\"lang\":\"en\"}\n"
                + "{\"source\":\"" + run + "\",\"role\":\"government\",\"url\":\"https://example.org/" + run
                + "/2\",\"title\":\"Two " + word + "\",\"body\":\"Text.\",\"published\":\"2023-05-03T10:00:00Z\",\"lang\":\"en\"}\n";
        importBody(lines);
        given().get("/api/sources/" + run).then().statusCode(200).body("role", equalTo("independent_media"));
        given().queryParam("q", word).queryParam("side", "public").get("/api/search").then().statusCode(200).body("total", equalTo(2));
        given().queryParam("q", word).queryParam("side", "government").get("/api/search").then().statusCode(200).body("total", equalTo(0));
    }

    static long storingThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.isAlive() && t.getName().equals("import-store")).count();
    }

    @Test
    void anImportWhoseBodyBreaksLeavesNoStoringThreadBehind() throws InterruptedException {
        String run = "r" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= 501; i++) { // one batch handed to the storing thread (batch-size 500), then the body breaks
            lines.append("{\"source\":\"").append(run).append("\",\"role\":\"social\",\"url\":\"https://example.org/")
                    .append(run).append('/').append(i).append("\",\"title\":\"Line ").append(i).append("\",\"published\":\"2023-03-01\"}\n");
        }
        InputStream broken = new SequenceInputStream(new ByteArrayInputStream(lines.toString().getBytes(StandardCharsets.UTF_8)), new InputStream() {
            @Override
            public int read() {
                throw new UncheckedIOException(new IOException("connection reset by peer"));
            }
        });
        long before = storingThreads();
        assertThrows(UncheckedIOException.class, () -> importer.importLines(broken));
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (storingThreads() > before && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertEquals(before, storingThreads(), "the failed import's storing thread ended once its batch was stored");
    }
}
