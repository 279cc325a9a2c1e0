package tyndau.topics;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A topic's label is one string or one per language; a page shows the reader's, an API client gets what was given. */
@QuarkusTest
class TopicLabelsTest {
    static final String KEY = "Bearer test-api-key";

    private static io.restassured.response.ValidatableResponse put(String id, Object label) {
        return given().header("Authorization", KEY).contentType("application/json")
                .body(Map.of("label", label, "query", "Каспий Caspian", "sensitive", false))
                .put("/api/topics/" + id).then();
    }

    @Test
    void labelsInThreeLanguagesAreKeptAndShownInTheReadersLanguage() {
        put("caspian-labels", Map.of("kk", "Каспий теңізі", "ru", "Каспийское море", "en", "Caspian Sea")).statusCode(200)
                .body("label.kk", equalTo("Каспий теңізі")).body("label.ru", equalTo("Каспийское море"));
        given().get("/api/topics/caspian-labels").then().statusCode(200)
                .body("label.en", equalTo("Caspian Sea")).body("label.kk", equalTo("Каспий теңізі"));
        given().queryParam("lang", "kk").get("/ui/topics/caspian-labels").then().statusCode(200)
                .body(containsString("<h1>Каспий теңізі")).body(containsString("<html lang=\"kk\""));
        given().queryParam("lang", "ru").get("/ui/topics/caspian-labels").then().statusCode(200)
                .body(containsString("<h1>Каспийское море"));
        given().queryParam("lang", "en").get("/ui/topics/caspian-labels").then().statusCode(200)
                .body(containsString("<h1>Caspian Sea"));
        given().queryParam("lang", "kk").get("/ui/").then().statusCode(200).body(containsString("Каспий теңізі"));
    }

    @Test
    void aSingleLabelStaysAStringAndIsShownEverywhere() {
        put("caspian-single", "Caspian").statusCode(200).body("label", equalTo("Caspian"));
        given().get("/api/topics/caspian-single").then().body("label", equalTo("Caspian"));
        for (String lang : new String[] {"kk", "ru", "en"}) {
            given().queryParam("lang", lang).get("/ui/topics/caspian-single").then().statusCode(200)
                    .body(containsString("<h1>Caspian"));
        }
        // Two languages: the third falls back to English, then to the first given.
        put("caspian-two", Map.of("kk", "Каспий", "ru", "Каспий (рус.)")).statusCode(200);
        given().queryParam("lang", "en").get("/ui/topics/caspian-two").then().body(containsString("<h1>Каспий"));
    }

    @Test
    void theOpenApiDescriptionSaysALabelIsAStringOrOnePerLanguage() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("components.schemas.Label.oneOf.size()", equalTo(2))
                .body("components.schemas.Label.description", containsString("one string, or an object of language code"));
    }

    @Test
    void aLabelThatIsNotOneIsA400ThatSaysWhy() {
        put("caspian-bad", 42).statusCode(400).body("detail", containsString("'label' must be a string or an object"));
        put("caspian-bad", Map.of("Kazakh!", "x")).statusCode(400).body("detail", containsString("language codes"));
        put("caspian-bad", Map.of("kk", 5)).statusCode(400).body("detail", containsString("'label.kk' must be a string"));
        put("caspian-bad", Map.of()).statusCode(400).body("detail", equalTo("'label' is required"));
        put("caspian-bad", " ").statusCode(400).body("detail", equalTo("'label' is required"));
        put("caspian-bad", Map.of("kk", "x".repeat(300))).statusCode(400).body("detail", containsString("'label.kk' is longer"));
        given().get("/api/topics/caspian-bad").then().statusCode(404);
        given().get("/api/topics").then().body(not(containsString("caspian-bad")));
    }
}
