package tyndau.document;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Paged lists have a bounded depth (a 400, not an overflowed offset's 500); a source's documents read on by cursor. */
@QuarkusTest
@Tag("persistence")
class DocumentPagingTest {

    @Test
    void pagesPastTheBoundAre400NotAnOverflow() {
        for (String list : List.of("/api/documents", "/api/alerts", "/api/search")) {
            given().queryParam("page", 30_000_000).queryParam("size", 100).get(list).then().statusCode(400)
                    .body("detail", containsString("10000"));
            given().queryParam("page", 101).queryParam("size", 100).get(list).then().statusCode(400);
            given().queryParam("page", 100).queryParam("size", 100).get(list).then().statusCode(200);
        }
        given().queryParam("before", 5).queryParam("page", 2).get("/api/documents").then().statusCode(400)
                .body("detail", containsString("cursor"));
        given().queryParam("before", "x").get("/api/documents").then().statusCode(404);
    }

    @Test
    void aSourceIsReadToItsEndByCursor() {
        String run = "p" + UUID.randomUUID().toString().substring(0, 8);
        StringBuilder lines = new StringBuilder();
        for (int i = 0; i < 7; i++) {
            lines.append(DedupeResourceTest.line(run, "https://example.org/" + run + "/" + i, "Сообщение " + i,
                    "Отдельная заметка номер " + i + " о событиях дня " + run + " и ничего больше " + "слово".repeat(i + 1),
                    "2021-03-0" + (i + 1) + "T10:00:00Z"));
        }
        assertEquals(7, DedupeResourceTest.importLines(lines.toString()).getInt("accepted"));
        List<Long> seen = new ArrayList<>();
        Long cursor = Long.MAX_VALUE;
        for (int pages = 0; cursor != null; pages++) {
            assertTrue(pages < 5, "the cursor ends");
            JsonPath page = given().queryParam("source", run).queryParam("before", cursor).queryParam("size", 3)
                    .get("/api/documents").then().statusCode(200).extract().jsonPath();
            assertEquals(7, page.getInt("total"));
            List<Long> ids = page.getList("items.id", Long.class);
            for (Long id : ids) {
                assertTrue(seen.isEmpty() || id < seen.get(seen.size() - 1), "last stored first, no repeats");
                seen.add(id);
            }
            cursor = page.get("next") == null ? null : page.getLong("next");
            if (ids.size() < 3) {
                assertNull(page.get("next"));
            }
        }
        assertEquals(7, seen.size(), "every document once");
    }
}
