package tyndau.export;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Exports over HTTP: CSV safe for spreadsheets, JSONL for pandas, timelines with zeros. */
@QuarkusTest
@Tag("persistence")
class ExportResourceTest {
    static final String KEY = "Bearer test-api-key";

    static String importHostile(String run) {
        String body = String.join("\n",
                "{\"source\":\"" + run + "\",\"role\":\"social\",\"url\":\"https://example.org/" + run + "/1\",\"title\":\"=HYPERLINK(\\\"http://evil\\\",\\\"click\\\")\",\"body\":\"a, \\\"quoted\\\"\\nsecond line\",\"published\":\"2023-02-06T10:00:00Z\",\"lang\":\"en\"}",
                "{\"source\":\"" + run + "\",\"role\":\"social\",\"url\":\"https://example.org/" + run + "/2\",\"title\":\"@SUM(A1:A9)\",\"body\":\"-2+3 Russia\",\"published\":\"2023-02-07T10:00:00Z\",\"lang\":\"en\"}",
                "{\"source\":\"" + run + "\",\"role\":\"social\",\"url\":\"https://example.org/" + run + "/3\",\"title\":\"+cmd|' /C calc'!A0\",\"body\":\"Turkey aid\",\"published\":\"2023-02-05T10:00:00Z\",\"lang\":\"en\"}");
        given().header("Authorization", KEY).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200);
        return run;
    }

    @Test
    void documentCsvIsRfc4180AndNeutralisesFormulas() {
        String run = importHostile("e" + UUID.randomUUID().toString().substring(0, 8));
        Response r = given().queryParam("source", run).queryParam("format", "csv").get("/api/export/documents");
        assertEquals(200, r.statusCode());
        assertTrue(r.contentType().startsWith("text/csv"));
        String csv = r.asString();
        assertTrue(csv.startsWith("id,published,undateable,source,role,side,language,url,title,tone,topics,duplicate_of,body,tone_label,tone_confidence,event\r\n"), csv);
        assertTrue(csv.contains(",\"'=HYPERLINK(\"\"http://evil\"\",\"\"click\"\")\","), csv);
        assertTrue(csv.contains(",'@SUM(A1:A9),"), csv);
        assertTrue(csv.contains(",'+cmd|' /C calc'!A0,"), csv);
        assertTrue(csv.contains("\"a, \"\"quoted\"\"\nsecond line\""), csv);
        assertTrue(csv.contains(",'-2+3 Russia"), csv);
        int first = csv.indexOf("'+cmd");
        int second = csv.indexOf("'=HYPERLINK");
        assertTrue(first > 0 && first < second, "oldest first");
    }

    @Test
    void documentJsonlHasOneObjectPerLine() throws Exception {
        String run = importHostile("e" + UUID.randomUUID().toString().substring(0, 8));
        String body = given().queryParam("source", run).queryParam("format", "jsonl").get("/api/export/documents")
                .then().statusCode(200).extract().asString();
        String[] lines = body.split("\n");
        assertEquals(3, lines.length);
        ObjectMapper m = new ObjectMapper();
        JsonNode first = m.readTree(lines[0]);
        assertEquals("+cmd|' /C calc'!A0", first.get("title").asText(), "JSON keeps the text as it is");
        assertTrue(m.readTree(lines[1]).get("topics").toString().contains("russia") || m.readTree(lines[2]).get("topics").toString().contains("russia"));
        given().queryParam("format", "xml").get("/api/export/documents").then().statusCode(400);
    }

    @Test
    void timelineHasZerosWhereASideIsSilentAndCsvOnRequest() {
        String run = importHostile("e" + UUID.randomUUID().toString().substring(0, 8));
        given().queryParam("topic", "russia").queryParam("from", "1990-01-01").queryParam("to", "1990-01-03")
                .get("/api/timeline").then().statusCode(200)
                .body("buckets.size()", org.hamcrest.Matchers.equalTo(3))
                .body("buckets[0].public.count", org.hamcrest.Matchers.equalTo(0))
                .body("buckets[0].public.share", org.hamcrest.Matchers.equalTo(0.0f))
                .body("buckets[0].government.count", org.hamcrest.Matchers.equalTo(0));
        String csv = given().header("Accept", "text/csv").queryParam("topic", "russia").queryParam("from", "2023-02-01")
                .queryParam("to", "2023-02-28").queryParam("interval", "week").get("/api/timeline")
                .then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith("date,public_count,public_all,public_share,public_tone,government_count"), csv);
        assertTrue(csv.contains("2023-01-30,"), "weeks start on Monday: " + csv);
        given().queryParam("interval", "fortnight").get("/api/timeline").then().statusCode(400);
        given().queryParam("topic", "nope").get("/api/timeline").then().statusCode(400);
        assertTrue(run.length() > 0);
    }

    @Test
    void responsivenessValidatesItsParameters() {
        given().get("/api/responsiveness").then().statusCode(400);
        given().queryParam("topic", "russia").queryParam("threshold", "-1").get("/api/responsiveness").then().statusCode(400);
        given().queryParam("topic", "russia").queryParam("from", "2023-02-01").queryParam("to", "2023-01-01")
                .get("/api/responsiveness").then().statusCode(400);
        given().queryParam("topic", "russia").queryParam("from", "1990-01-01").queryParam("to", "1990-12-31")
                .queryParam("minDocs", 5).get("/api/responsiveness").then().statusCode(200)
                .body("verdict", org.hamcrest.Matchers.equalTo("insufficient-data"))
                .body("params.minDocs", org.hamcrest.Matchers.equalTo(5));
    }
}
