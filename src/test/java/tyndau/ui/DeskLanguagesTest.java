package tyndau.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import tyndau.WithArchive;

/**
 * The desk in Kazakh and Russian (each page: html lang, the switcher, a translated heading, dates in the
 * language), the topic editor (preview as you type, save with the key, the chart re-drawn) and saved searches,
 * in headless Chromium on the bundled archive.
 */
@QuarkusTest
@TestProfile(WithArchive.class)
class DeskLanguagesTest extends ArchiveBrowserBase {
    private static final Map<String, Locale> LOCALES = Map.of("kk", Locale.forLanguageTag("kk"), "ru", Locale.forLanguageTag("ru"));

    private static String day(LocalDate d, String lang) {
        return DateTimeFormatter.ofPattern("d MMM y", LOCALES.get(lang)).format(d);
    }

    @Test
    void everyPageSpeaksKazakhAndRussian() {
        String document = given().queryParam("q", "earthquake").get("/api/search").then().statusCode(200).extract()
                .jsonPath().getString("items[0].id");
        Map<String, Map<String, String>> headings = Map.of(
                "kk", Map.of("/ui/", "Шолу", "/ui/search", "Іздеу", "/ui/alerts", "Ескертулер", "/ui/sources", "Дереккөздер",
                        "/ui/topics/new", "Жаңа тақырып"),
                "ru", Map.of("/ui/", "Обзор", "/ui/search", "Поиск", "/ui/alerts", "Оповещения", "/ui/sources", "Источники",
                        "/ui/topics/new", "Новая тема"));
        for (String lang : List.of("kk", "ru")) {
            for (var page : headings.get(lang).entrySet()) {
                browser.load(page.getKey() + "?lang=" + lang);
                assertEquals(lang, browser.find("html").getAttribute("lang"), page.getKey());
                assertEquals(page.getValue(), browser.find("h1").getText(), page.getKey());
                assertEquals("true", browser.find(".languages a[data-lang=" + lang + "]").getAttribute("aria-current"));
                assertEquals(3, browser.all(".languages a").size());
                browser.assertNoConsoleErrors();
                browser.assertOnlyLoopback();
            }
            // Dates in the language: the overview's range, the topic page's episodes, the document's date.
            browser.load("/ui/?lang=" + lang);
            LocalDate to = LocalDate.parse(browser.find("#overview").getAttribute("data-to"));
            assertTrue(browser.find(".lede").getText().contains(day(to, lang)), browser.find(".lede").getText());
            browser.load("/ui/topics/turkey-aid?from=2023-01-01&to=2023-03-31&lang=" + lang);
            assertEquals(lang, browser.find("html").getAttribute("lang"));
            String row = browser.all(".episodes-table tbody tr").get(0).getText();
            assertTrue(row.startsWith(day(LocalDate.of(2023, 2, 6), lang)), row);
            assertFalse(browser.find("#verdict").getText().contains("responsive"), browser.find("#verdict").getText());
            browser.assertNoConsoleErrors();
            browser.load("/ui/documents/" + document + "?lang=" + lang);
            assertTrue(browser.find(".facts").getText().contains(lang.equals("kk") ? "ақп. 2023" : "февр. 2023"),
                    browser.find(".facts").getText());
            browser.assertNoConsoleErrors();
        }
        browser.load("/ui/?lang=kk");
        browser.screenshot("overview-kk", 1280);
        // Many unanswered episodes close together: their labels take free rows instead of overlapping.
        browser.load("/ui/topics/xinjiang?from=2023-01-01&to=2023-12-31&lang=ru");
        browser.assertNoConsoleErrors();
        browser.screenshot("topic-xinjiang-ru", 1280);
    }

    @Test
    void theChoiceIsRememberedAndTheBrowserLanguageIsTheDefault() {
        browser.load("/ui/?lang=ru");
        browser.load("/ui/search");
        assertEquals("ru", browser.find("html").getAttribute("lang"), "the cookie keeps the choice");
        // Relative links (this page, other parameters kept): no request path can make them point elsewhere.
        assertEquals("?lang=kk", browser.find(".languages a[data-lang=kk]").getDomAttribute("href"));
        browser.find(".languages a[data-lang=kk]").click();
        browser.awaitLoaded();
        assertEquals("kk", browser.find("html").getAttribute("lang"));
        assertTrue(browser.driver.getCurrentUrl().contains("/ui/search"), "the switcher stays on the page");
        browser.find(".languages a[data-lang=en]").click();
        browser.awaitLoaded();
        assertEquals("en", browser.find("html").getAttribute("lang"));
        // Without a choice: Accept-Language, then English.
        assertTrue(given().header("Accept-Language", "ru-RU,ru;q=0.9,en;q=0.8").get("/ui/").then().statusCode(200)
                .extract().asString().contains("<html lang=\"ru\""));
        assertTrue(given().header("Accept-Language", "de-DE, kk;q=0.5").get("/ui/").then().statusCode(200)
                .extract().asString().contains("<html lang=\"kk\""));
        assertTrue(given().header("Accept-Language", "fr").get("/ui/").then().statusCode(200)
                .extract().asString().contains("<html lang=\"en\""));
        assertTrue(given().header("Accept-Language", "ru").cookie(UiLanguage.COOKIE, "kk").get("/ui/").then().statusCode(200)
                .extract().asString().contains("<html lang=\"kk\""), "the cookie comes before Accept-Language");
        assertTrue(given().cookie(UiLanguage.COOKIE, "kk").queryParam("lang", "en").get("/ui/").then().statusCode(200)
                .extract().asString().contains("<html lang=\"en\""), "?lang= comes first");
        assertTrue(given().queryParam("lang", "xx<script>").get("/ui/").then().statusCode(200)
                .extract().asString().contains("<html lang=\"en\""), "an unknown language is English");
    }

    @Test
    void topicEditorPreviewsAsYouTypeSavesWithTheKeyAndRedraws() {
        // A range of the archive: other tests' imports move "the newest document" (the default range) to today.
        browser.load("/ui/topics/new?lang=ru&from=2023-01-01&to=2023-06-30");
        browser.js("sessionStorage.setItem('tyndau.apiKey', arguments[0]);", WithArchive.API_KEY);
        browser.find("#edit-id").sendKeys("quake-editor");
        browser.find("#edit-label-kk").sendKeys("Жер сілкінісі");
        browser.find("#edit-label-ru").sendKeys("Землетрясение");
        browser.find("#edit-label-en").sendKeys("Earthquake");
        // A syntax error points to its column.
        browser.find("#edit-query").sendKeys("earthquake AND (");
        browser.await(Duration.ofSeconds(20), d -> browser.find("#edit-query-error").isDisplayed()
                && browser.find("#edit-query-error").getAttribute("data-column") != null);
        assertTrue(browser.find("#edit-query-error .caret").getText().contains("^"));
        browser.js("document.getElementById('edit-query').value = '';");
        browser.find("#edit-query").sendKeys("earthquake");
        browser.await(Duration.ofSeconds(20), d -> "true".equals(String.valueOf(browser.js(
                "return document.getElementById('topic-editor').dataset.previewTotal !== undefined"
                        + " && document.getElementById('topic-editor').dataset.previewTotal !== ''"))));
        JsonPath preview = given().contentType("application/json")
                .body(Map.of("query", "earthquake", "interval", "week", "from", "2023-01-01", "to", "2023-06-30"))
                .post("/api/topics/preview").then().statusCode(200).extract().jsonPath();
        assertTrue(preview.getLong("total") > 0);
        assertEquals(String.valueOf(preview.getLong("total")), browser.find("#topic-editor").getAttribute("data-preview-total"));
        assertEquals(String.valueOf(preview.getLong("total")), browser.find("#preview-counts [data-role=total] dd")
                .getAttribute("data-count"));
        Map<String, Integer> byLanguage = preview.getMap("byLanguage");
        for (var e : byLanguage.entrySet()) {
            assertEquals(String.valueOf(e.getValue()), browser.find("#preview-counts [data-role=languages] [data-key=" + e.getKey() + "]")
                    .getAttribute("data-count"), e.getKey());
        }
        browser.await(Duration.ofSeconds(20), d -> !browser.all("#preview-samples .snippet mark").isEmpty()); // highlighted samples
        for (String lang : List.of("kk", "ru", "en")) {
            // The forms each language's words matched, as the API lists them.
            List<String> forms = preview.<Map<String, Object>>getList("forms." + lang).stream().map(f -> (String) f.get("form")).toList();
            List<String> shown = browser.all("#preview-samples [data-lang=" + lang + "] [data-role=forms] [data-form]").stream()
                    .map(e -> e.getAttribute("data-form")).toList();
            assertEquals(forms, shown, lang);
        }
        assertTrue(!preview.getList("forms.en").isEmpty(), "earthquake matched English forms");
        assertTrue(Integer.parseInt(browser.find("#preview-chart").getAttribute("data-points")) > 0);
        browser.screenshot("topic-editor-ru", 1280);
        browser.screenshot("topic-editor-ru-phone", 390);
        browser.assertNoConsoleErrors(m -> m.contains("/api/topics/preview") && m.contains("400"));
        browser.find("#edit-save").click();
        browser.await(Duration.ofSeconds(60), d -> d.getCurrentUrl().contains("/ui/topics/quake-editor"));
        browser.awaitLoaded();
        JsonPath topic = given().get("/api/topics/quake-editor").then().statusCode(200).extract().jsonPath();
        assertEquals("Землетрясение", topic.getString("label.ru"));
        assertEquals("earthquake", topic.getString("query"));
        assertEquals("Землетрясение", browser.find("h1").getText());
        String draws = browser.find("#topic").getAttribute("data-draws");

        // Edit the saved topic on its page: the chart re-draws with the new query.
        browser.find("#editor-panel summary").click();
        browser.js("document.getElementById('edit-query').value = '';");
        browser.find("#edit-query").sendKeys("earthquake OR Türkiye");
        browser.find("#edit-save").click();
        browser.await(Duration.ofSeconds(60), d -> !draws.equals(browser.find("#topic").getAttribute("data-draws"))
                && browser.find("#saved-query").getText().equals("earthquake OR Türkiye"));
        assertEquals("earthquake OR Türkiye", given().get("/api/topics/quake-editor").then().extract().jsonPath().getString("query"));
        browser.assertNoConsoleErrors();
        browser.assertOnlyLoopback();
        browser.screenshot("topic-editor-saved", 1280);
        given().header("Authorization", "Bearer " + WithArchive.API_KEY).delete("/api/topics/quake-editor").then().statusCode(204);
    }

    @Test
    void aSavedSearchIsSavedOpenedRenamedMadeATopicAndDeleted() {
        browser.load("/ui/search?q=earthquake&language=en&sort=date&lang=kk");
        browser.js("sessionStorage.setItem('tyndau.apiKey', arguments[0]);", WithArchive.API_KEY);
        browser.find("#save-name").sendKeys("Жер сілкінісі, ағылшынша");
        browser.find("#save-button").click();
        browser.await(Duration.ofSeconds(20), d -> !browser.all("#saved-list .saved-item").isEmpty());
        JsonPath saved = given().get("/api/saved-searches").then().statusCode(200).extract().jsonPath();
        String id = saved.getString("find { it.name == 'Жер сілкінісі, ағылшынша' }.id");
        assertEquals("earthquake", saved.getString("find { it.id == '" + id + "' }.q"));
        assertEquals("en", saved.getString("find { it.id == '" + id + "' }.lang"));
        assertEquals("date", saved.getString("find { it.id == '" + id + "' }.sort"));

        // Opened from the list: the same search.
        browser.load("/ui/search?lang=kk");
        browser.find("#saved-list [data-saved='" + id + "'] .saved-open").click();
        browser.await(Duration.ofSeconds(20), d -> d.getCurrentUrl().contains("q=earthquake"));
        browser.awaitLoaded();
        assertEquals("earthquake", browser.find("#q").getAttribute("value"));
        assertEquals("en", browser.find("#lang").getAttribute("value"));
        long total = given().queryParam("q", "earthquake").queryParam("lang", "en").get("/api/search").then().extract().jsonPath()
                .getLong("total");
        assertTrue(browser.find("#search-status").getText().contains(String.valueOf(total)), browser.find("#search-status").getText());

        // Renamed.
        browser.js("window.prompt = () => 'Quake, English';");
        browser.find("#saved-list [data-saved='" + id + "'] [data-action=rename]").click();
        browser.await(Duration.ofSeconds(20), d -> browser.find("#saved-list [data-saved='" + id + "'] .saved-open").getText()
                .equals("Quake, English"));
        assertEquals("Quake, English", given().get("/api/saved-searches/" + id).then().extract().jsonPath().getString("name"));

        // Made a topic in one step.
        browser.find("#saved-list [data-saved='" + id + "'] [data-action=topic]").click();
        browser.await(Duration.ofSeconds(30), d -> !browser.all("#saved-list [data-saved='" + id + "'] .saved-message a").isEmpty());
        given().get("/api/topics/" + id).then().statusCode(200);
        given().header("Authorization", "Bearer " + WithArchive.API_KEY).delete("/api/topics/" + id).then().statusCode(204);

        // Deleted.
        browser.js("window.confirm = () => true;");
        browser.find("#saved-list [data-saved='" + id + "'] [data-action=delete]").click();
        browser.await(Duration.ofSeconds(20), d -> browser.all("#saved-list [data-saved='" + id + "']").isEmpty());
        given().get("/api/saved-searches/" + id).then().statusCode(404);
        browser.assertNoConsoleErrors();
        browser.assertOnlyLoopback();
        browser.screenshot("saved-searches-kk", 1280);
        browser.screenshot("saved-searches-kk-phone", 390);
    }
}
