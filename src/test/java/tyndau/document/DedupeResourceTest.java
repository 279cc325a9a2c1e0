package tyndau.document;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Re-sends, re-posts and syndicated copies, through the import endpoint and back out of the API. */
@QuarkusTest
@Tag("persistence")
class DedupeResourceTest {
    static final String KEY = "Bearer test-api-key";

    static JsonPath importLines(String body) {
        return given().header("Authorization", KEY).contentType("application/x-ndjson").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200).extract().jsonPath();
    }

    static String line(String source, String url, String title, String body, String published) {
        return String.format("{\"source\":\"%s\",\"role\":\"independent_media\",\"url\":\"%s\",\"title\":\"%s\",\"body\":\"%s\",\"published\":\"%s\",\"lang\":\"ru\"}%n",
                source, url, title, body, published);
    }

    @Test
    void storiesWithEqualTitlesAndDifferentBodiesFromOneSourceOnOneDayAreAllStoredAndCounted() {
        String run = "d" + UUID.randomUUID().toString().substring(0, 8);
        String u = "https://example.org/" + run + "/";
        String day = java.time.LocalDate.of(1990, 1, 1).plusDays(new java.util.Random().nextInt(3000)).toString();
        StringBuilder lines = new StringBuilder();
        String[] bodies = {
            "Курс доллара на бирже вырос до 470 тенге, евро подешевел на два тенге.",
            "Министр иностранных дел провел переговоры с послом Китая о транзите грузов.",
            "В Алматы ожидается снег и гололед, водителей просят быть осторожнее на дорогах.",
            "Парламент одобрил поправки в бюджет на следующий год во втором чтении.",
            "Делегация Турции прибыла в Астану для обсуждения гуманитарной помощи."};
        for (int i = 0; i < bodies.length; i++) {
            lines.append(line(run, u + i, "Главное за день", bodies[i], day + "T" + (10 + i) + ":00:00+06:00"));
        }
        JsonPath r = importLines(lines.toString());
        assertEquals(5, r.getInt("accepted"), r.prettify());
        assertEquals(0, r.getInt("duplicates"), r.prettify());
        assertEquals(0, r.getInt("nearDuplicates"), r.prettify());
        JsonPath stored = given().queryParam("source", run).queryParam("size", 50).get("/api/documents").then().statusCode(200)
                .extract().jsonPath();
        assertEquals(5, stored.getInt("total"));
        for (Object copy : stored.getList("items.duplicateOf")) {
            assertNull(copy, "a shared title alone never makes a copy");
        }
        JsonPath found = given().queryParam("from", day).queryParam("to", day).queryParam("q", "source:" + run)
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        assertEquals(5, found.getInt("total"));
        assertEquals(5, countPublicNonCopiesOf(run, day), "all five count in attention");
        JsonPath timeline = given().queryParam("from", day).queryParam("to", day).get("/api/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(timeline.getInt("buckets[0].public.all") >= 5, timeline.prettify());
        assertEquals(timeline.getInt("buckets[0].public.all"), countPublicNonCopies(day), timeline.prettify());
        // Only the very same document is not stored again: same URL, or same GUID of the source.
        JsonPath again = importLines(line(run, u + "0", "Главное за день", bodies[0], day + "T10:00:00+06:00")
                + line(run, u + "0?utm_source=tg", "Главное за день", bodies[0], day + "T10:00:00+06:00"));
        assertEquals(2, again.getInt("duplicates"), again.prettify());
        assertEquals(0, again.getInt("accepted"));
    }

    @Test
    void aRepostOfTheSameTextAtAnotherAddressIsStoredAsACopyWithItsReason() {
        String run = "r" + UUID.randomUUID().toString().substring(0, 8);
        String u = "https://example.org/" + run + "/";
        String day = java.time.LocalDate.of(1990, 1, 1).plusDays(new java.util.Random().nextInt(3000)).toString();
        JsonPath r = importLines(line(run, u + "1", "Курс валют", "Доллар 470, евро 505.", day + "T09:00:00+06:00")
                + line(run, u + "1-amp", "Курс валют", "Доллар 470, евро 505.", day + "T09:05:00+06:00")
                + line(run, u + "2", "Курс валют", "Доллар 471, евро 503.", day + "T15:00:00+06:00"));
        assertEquals(3, r.getInt("accepted"), r.prettify());
        assertEquals(1, r.getInt("nearDuplicates"), r.prettify());
        JsonPath docs = given().queryParam("source", run).queryParam("size", 50).get("/api/documents").then().extract().jsonPath();
        long first = -1;
        for (int i = 0; i < 3; i++) {
            if (docs.getString("items[" + i + "].url").endsWith("/1")) {
                first = docs.getLong("items[" + i + "].id");
            }
        }
        boolean linked = false;
        for (int i = 0; i < 3; i++) {
            if (docs.getString("items[" + i + "].url").endsWith("/1-amp")) {
                assertEquals(first, docs.getLong("items[" + i + "].duplicateOf"));
                assertTrue(docs.getString("items[" + i + "].duplicateReason").contains("same title and text"), docs.prettify());
                linked = true;
            } else {
                assertNull(docs.get("items[" + i + "].duplicateOf"), "a different text is its own story");
            }
        }
        assertTrue(linked);
    }

    static int countPublicNonCopiesOf(String source, String day) {
        JsonPath all = given().queryParam("from", day).queryParam("to", day).queryParam("q", "source:" + source).queryParam("size", 100)
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        int n = 0;
        for (Object id : all.getList("items.id")) {
            JsonPath d = given().get("/api/documents/" + id).then().extract().jsonPath();
            if (d.get("duplicateOf") == null && "public".equals(d.get("side"))) {
                n++;
            }
        }
        return n;
    }

    @Test
    void aSyndicatedCopyIsStoredAndLinkedToItsOriginalAndCountedOnce() {
        String run = "n" + UUID.randomUUID().toString().substring(0, 8);
        String u = "https://example.org/" + run + "/";
        String story = "Президент Казахстана провел телефонный разговор с председателем КНР. Стороны обсудили взаимную отмену визовых "
                + "требований для граждан двух стран, развитие транзитных коридоров, торговлю сельскохозяйственной продукцией и "
                + "сотрудничество в энергетике. Глава государства отметил, что безвизовый режим укрепит деловые и гуманитарные связи, "
                + "а также туристический обмен между странами. Соглашение вступит в силу после завершения внутригосударственных процедур.";
        // A day of its own per run: a database kept between runs (PostgreSQL here) holds earlier runs'
        // copies of the same story, and the original must be this run's.
        String day = java.time.LocalDate.of(1960, 1, 1).plusDays(7L * new java.util.Random().nextInt(1500)).toString();
        JsonPath r = importLines(line(run + "-a", u + "1", "Токаев и Си обсудили безвизовый режим", story, day + "T10:00:00+06:00")
                + line(run + "-b", u + "2", "Казахстан и Китай отменят визы", "АСТАНА, 10 мая. " + story + " Фото: Акорда.", day + "T13:00:00+06:00")
                + line(run + "-c", u + "3", "Погода", "Ожидается снег и ветер, температура ниже нуля, на дорогах гололед.", day + "T14:00:00+06:00"));
        assertEquals(3, r.getInt("accepted"), r.prettify());
        long original = given().queryParam("source", run + "-a").get("/api/documents").then().extract().jsonPath().getLong("items[0].id");
        JsonPath copy = given().queryParam("source", run + "-b").get("/api/documents").then().extract().jsonPath();
        assertEquals(original, copy.getLong("items[0].duplicateOf"), copy.prettify());
        JsonPath other = given().queryParam("source", run + "-c").get("/api/documents").then().extract().jsonPath();
        assertNull(other.get("items[0].duplicateOf"));
        // Attention counts the story once: two public documents on the day, not three.
        JsonPath t = given().queryParam("from", day).queryParam("to", day).queryParam("q", "source:" + run + "-a OR source:" + run + "-b OR source:" + run + "-c")
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        assertEquals(3, t.getInt("total"), "search still finds every copy");
        JsonPath timeline = given().queryParam("from", day).queryParam("to", day).get("/api/timeline")
                .then().statusCode(200).extract().jsonPath();
        assertTrue(timeline.getInt("buckets[0].public.all") >= 2);
        assertEquals(timeline.getInt("buckets[0].public.all"), countPublicNonCopies(day), timeline.prettify());
    }

    /** Public documents that day that are not copies, as the documents API tells it. */
    static int countPublicNonCopies(String day) {
        JsonPath all = given().queryParam("from", day).queryParam("to", day).queryParam("side", "public").queryParam("size", 100)
                .get("/api/search").then().statusCode(200).extract().jsonPath();
        int n = 0;
        for (Object id : all.getList("items.id")) {
            JsonPath d = given().get("/api/documents/" + id).then().extract().jsonPath();
            if (d.get("duplicateOf") == null) {
                n++;
            }
        }
        return n;
    }
}
