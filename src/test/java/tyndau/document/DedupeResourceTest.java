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

/** Re-posts and syndicated copies, through the import endpoint and back out of the API. */
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
    void theSameTitleFromOneSourceWithinAWeekIsARepost() {
        String run = "d" + UUID.randomUUID().toString().substring(0, 8);
        String u = "https://example.org/" + run + "/";
        JsonPath r = importLines(line(run, u + "1", "МИД провел брифинг", "Первый текст.", "2023-03-01T10:00:00+06:00")
                + line(run, u + "2", "МИД провёл брифинг!", "Тот же материал, другой адрес.", "2023-03-03T10:00:00+06:00")
                + line(run, u + "3", "МИД провел брифинг", "Через две недели: новый брифинг.", "2023-03-15T10:00:00+06:00")
                + line(run + "-other", u + "4", "МИД провел брифинг", "Другой источник, тот же заголовок.", "2023-03-01T12:00:00+06:00"));
        assertEquals(3, r.getInt("accepted"), r.prettify());
        assertEquals(1, r.getInt("duplicates"));
        // Across batches too: the window is checked against stored rows.
        JsonPath again = importLines(line(run, u + "5", "мид провел брифинг", "Ещё одна копия.", "2023-03-16T09:00:00+06:00"));
        assertEquals(1, again.getInt("duplicates"), again.prettify());
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
        String day = java.time.LocalDate.of(2031, 1, 1).plusDays(7L * new java.util.Random().nextInt(1500)).toString();
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
