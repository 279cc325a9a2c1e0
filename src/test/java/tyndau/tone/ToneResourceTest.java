package tyndau.tone;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Tone stored with each document, and timelines using the tone of the sentences about the topic. */
@QuarkusTest
@Tag("persistence")
class ToneResourceTest {

    @Test
    void documentToneIsStoredAndTimelinesUseTopicTone() {
        String run = "t" + UUID.randomUUID().toString().substring(0, 8);
        // A day of its own (the PostgreSQL test database outlives runs): the day's public documents are these two.
        String day = java.time.LocalDate.of(1900, 1, 1).plusDays(new java.util.Random().nextInt(30_000)).toString();
        String lines = "{\"source\":\"" + run + "\",\"role\":\"independent_media\",\"url\":\"https://example.org/" + run
                + "/1\",\"title\":\"Border news\",\"body\":\"Russia attacked the border post and killed two guards. Volunteers in Almaty"
                + " delivered aid, hope and support to the families.\",\"published\":\"" + day + "T10:00:00+06:00\",\"lang\":\"en\"}\n"
                + "{\"source\":\"" + run + "\",\"role\":\"independent_media\",\"url\":\"https://example.org/" + run
                + "/2\",\"title\":\"Harvest\",\"body\":\"Farmers celebrated a record harvest and welcomed new investment.\","
                + "\"published\":\"" + day + "T12:00:00+06:00\",\"lang\":\"en\"}\n";
        given().header("Authorization", "Bearer test-api-key").contentType("application/x-ndjson")
                .body(lines.getBytes(StandardCharsets.UTF_8)).post("/api/import").then().statusCode(200);
        JsonPath docs = given().queryParam("source", run).queryParam("size", 10).get("/api/documents").then().extract().jsonPath();
        double harvest = docs.getDouble("items.find { it.title == 'Harvest' }.tone");
        double border = docs.getDouble("items.find { it.title == 'Border news' }.tone");
        assertTrue(harvest > 0.3, "positive document: " + harvest);
        JsonPath t = given().queryParam("topic", "russia").queryParam("from", day).queryParam("to", day)
                .get("/api/timeline").then().statusCode(200).extract().jsonPath();
        assertEquals(1, t.getInt("buckets[0].public.count"));
        double topicTone = t.getDouble("buckets[0].public.tone");
        assertTrue(topicTone < -0.3 && topicTone >= -1, "what the document says about Russia is negative: " + topicTone);
        assertTrue(border >= -1 && border <= 1 && harvest <= 1, "scores stay in [-1, 1]");
        JsonPath all = given().queryParam("from", day).queryParam("to", day).get("/api/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertEquals((harvest + border) / 2, all.getDouble("buckets[0].public.tone"), 1e-3,
                "a timeline without a topic averages the documents' own tones");
        assertTrue(topicTone < border, "topic tone " + topicTone + " below the whole document's " + border);
        assertEquals(0, all.getInt("buckets[0].public.untoned"), "both were read");

        // The document view says which words pushed the tone (the lexicon explains what the model scored).
        long id = docs.getLong("items.find { it.title == 'Border news' }.id");
        JsonPath view = given().get("/api/documents/" + id).then().statusCode(200).extract().jsonPath();
        java.util.List<String> words = view.getList("toneWords.word");
        assertTrue(words.contains("attacked") || words.contains("killed"), words.toString());
        assertTrue(view.getDouble("toneWords.find { it.word == 'killed' }.weight") < 0, view.prettify());
    }

    @Test
    void aWholeArticleHasALabelAndAConfidenceEverywhereItIsShown() {
        String run = "l" + UUID.randomUUID().toString().substring(0, 8);
        String day = java.time.LocalDate.of(1900, 1, 1).plusDays(new java.util.Random().nextInt(30_000)).toString();
        String disaster = "Землетрясение в Турции унесло жизни сотен людей. Под завалами остаются десятки человек,"
                + " спасатели из Казахстана ищут выживших. Разрушены больницы и школы, тысячи семей остались без крова.";
        String lines = "{\"source\":\"" + run + "\",\"role\":\"independent_media\",\"url\":\"https://example.org/" + run
                + "/1\",\"title\":\"Погибли сотни людей\",\"body\":\"" + disaster + "\",\"published\":\"" + day
                + "T10:00:00+06:00\",\"lang\":\"ru\"}\n";
        given().header("Authorization", "Bearer test-api-key").contentType("application/x-ndjson")
                .body(lines.getBytes(StandardCharsets.UTF_8)).post("/api/import").then().statusCode(200);
        JsonPath docs = given().queryParam("source", run).queryParam("size", 10).get("/api/documents").then().extract().jsonPath();
        assertEquals("negative", docs.getString("items[0].toneLabel"), docs.prettify());
        double confidence = docs.getDouble("items[0].toneConfidence");
        assertTrue(confidence > 1.0 / 3 && confidence <= 1, "the label is the likeliest of three: " + confidence);
        long id = docs.getLong("items[0].id");

        JsonPath view = given().get("/api/documents/" + id).then().statusCode(200).extract().jsonPath();
        assertEquals("negative", view.getString("toneLabel"));
        assertEquals(confidence, view.getDouble("toneConfidence"), 1e-9);
        // The sentences that carried the topic's tone: the ones naming Turkey, not the others.
        java.util.List<String> aboutTurkey = view.getList("topicSentences.turkey.text");
        assertEquals(1, aboutTurkey.size(), view.prettify());
        assertTrue(aboutTurkey.get(0).contains("Турции"), aboutTurkey.toString());

        JsonPath hits = given().queryParam("q", "землетрясение").queryParam("source", run).get("/api/search")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("negative", hits.getString("items[0].toneLabel"));
        assertEquals(confidence, hits.getDouble("items[0].toneConfidence"), 1e-9);
        assertEquals(1, hits.getInt("facets.toneLabel.negative"), hits.prettify());
        assertEquals(1, given().queryParam("source", run).queryParam("tone", "negative").get("/api/search")
                .then().statusCode(200).extract().jsonPath().getInt("total"), "filtered by the article's label");
        assertEquals(0, given().queryParam("source", run).queryParam("tone", "positive,neutral").get("/api/search")
                .then().statusCode(200).extract().jsonPath().getInt("total"));
        assertEquals(1, given().queryParam("q", "tone_label:negative").queryParam("source", run).get("/api/search")
                .then().statusCode(200).extract().jsonPath().getInt("total"), "and in the query language");

        String csv = given().queryParam("from", day).queryParam("to", day).queryParam("format", "csv")
                .get("/api/export/documents").then().statusCode(200).extract().asString();
        String[] rows = csv.split("\\r?\\n");
        assertTrue(rows[0].endsWith(",tone_label,tone_confidence,event"), rows[0]);
        assertTrue(csv.contains(",negative," + confidence), csv);
        String jsonl = given().queryParam("from", day).queryParam("to", day).queryParam("format", "jsonl")
                .get("/api/export/documents").then().statusCode(200).extract().asString();
        assertTrue(jsonl.contains("\"toneLabel\":\"negative\""), jsonl);

        JsonPath analysed = given().header("Authorization", "Bearer test-api-key").contentType("text/plain; charset=UTF-8").body(("Погибли сотни людей\n" + disaster)
                .getBytes(StandardCharsets.UTF_8)).post("/api/analyze").then().statusCode(200).extract().jsonPath();
        assertEquals("negative", analysed.getString("toneLabel"));
        assertTrue(analysed.getDouble("toneConfidence") > 1.0 / 3);
    }

    @Test
    void aTextTheModelCannotReadIsUntonedNotNeutralAndLeftOutOfAverages() {
        String run = "u" + UUID.randomUUID().toString().substring(0, 8);
        String day = java.time.LocalDate.of(1900, 1, 1).plusDays(new java.util.Random().nextInt(30_000)).toString();
        String lines = "{\"source\":\"" + run + "\",\"role\":\"social\",\"url\":\"https://example.org/" + run
                + "/1\",\"title\":\"გამარჯობა\",\"body\":\"დღეს ამინდი კარგია და ჩვენ ვსეირნობთ ქალაქში.\",\"published\":\""
                + day + "T10:00:00Z\"}\n"
                + "{\"source\":\"" + run + "\",\"role\":\"social\",\"url\":\"https://example.org/" + run
                + "/2\",\"title\":\"Harvest\",\"body\":\"Farmers celebrated a record harvest and welcomed new investment.\","
                + "\"published\":\"" + day + "T12:00:00Z\",\"lang\":\"en\"}\n";
        given().header("Authorization", "Bearer test-api-key").contentType("application/x-ndjson")
                .body(lines.getBytes(StandardCharsets.UTF_8)).post("/api/import").then().statusCode(200);
        JsonPath docs = given().queryParam("source", run).queryParam("size", 10).get("/api/documents").then().extract().jsonPath();
        Object unread = docs.get("items.find { it.url.endsWith('/1') }.tone");
        assertEquals(null, unread, "no signal is not neutral: " + docs.prettify());
        double harvest = docs.getDouble("items.find { it.title == 'Harvest' }.tone");
        JsonPath all = given().queryParam("from", day).queryParam("to", day).get("/api/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertEquals(2, all.getInt("buckets[0].public.count"));
        assertEquals(1, all.getInt("buckets[0].public.untoned"));
        assertEquals(harvest, all.getDouble("buckets[0].public.tone"), 1e-3, "the average is of the document the model read");
        JsonPath analysed = given().header("Authorization", "Bearer test-api-key").contentType("text/plain; charset=UTF-8").body("გამარჯობა\nდღეს ამინდი კარგია.".getBytes(StandardCharsets.UTF_8))
                .post("/api/analyze").then().statusCode(200).extract().jsonPath();
        assertEquals(false, analysed.getBoolean("toned"));
        assertEquals(null, analysed.getString("toneLabel"), "no label without a tone");
        assertEquals(null, docs.getString("items.find { it.url.endsWith('/1') }.toneLabel"));
    }
}
