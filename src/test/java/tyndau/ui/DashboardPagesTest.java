package tyndau.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tyndau.WithArchive;

/** Every dashboard page in a real headless Chromium, on the bundled archive. */
@QuarkusTest
@TestProfile(WithArchive.class)
class DashboardPagesTest extends ArchiveBrowserBase {

    @Test
    void rootRedirectsToTheOverview() {
        browser.load("/");
        assertEquals(browser.url("/ui/"), browser.driver.getCurrentUrl());
    }

    @Test
    void overviewShowsEveryTopicWithItsChartVerdictAndSourceHealth() {
        browser.load("/ui/");
        List<String> topics = given().get("/api/topics").then().statusCode(200).extract().jsonPath().getList("id");
        List<WebElement> cards = browser.all(".topic-card");
        assertEquals(topics.size(), cards.size());
        String from = browser.find("#overview").getAttribute("data-from");
        String to = browser.find("#overview").getAttribute("data-to");
        for (WebElement card : cards) {
            String id = card.getAttribute("data-topic");
            int buckets = given().queryParam("topic", id).queryParam("from", from).queryParam("to", to)
                    .get("/api/timeline").then().statusCode(200).extract().jsonPath().getList("buckets").size();
            assertEquals(90, buckets);
            assertEquals(String.valueOf(buckets), card.findElement(org.openqa.selenium.By.cssSelector("[data-role=chart]"))
                    .getAttribute("data-points"), id);
            String verdict = given().queryParam("topic", id).queryParam("from", from).queryParam("to", to)
                    .get("/api/responsiveness").then().statusCode(200).extract().jsonPath().getString("verdict");
            assertEquals(verdict, card.findElement(org.openqa.selenium.By.cssSelector("[data-role=verdict]")).getAttribute("data-verdict"));
            assertFalse(card.findElement(org.openqa.selenium.By.cssSelector("[data-role=verdict]")).getText().isBlank());
            String whole = given().queryParam("topic", id).queryParam("from", browser.find("#overview").getAttribute("data-whole-from"))
                    .queryParam("to", to).get("/api/responsiveness").then().statusCode(200).extract().jsonPath().getString("verdict");
            assertEquals(whole, card.findElement(org.openqa.selenium.By.cssSelector("[data-role=verdict-whole]"))
                    .getAttribute("data-verdict"), id);
            assertFalse(card.findElement(org.openqa.selenium.By.cssSelector("[data-role=alerts]")).getText().endsWith("…"));
        }
        List<java.util.Map<String, Object>> health = given().get("/api/sources").then().statusCode(200).extract().jsonPath()
                .getList("health");
        long failing = health.stream().filter(h -> Boolean.TRUE.equals(h.get("suspended"))
                || ((Number) h.getOrDefault("consecutiveFailures", 0)).intValue() > 0).count();
        assertEquals(String.valueOf(failing), browser.find("[data-role=failing] dd").getText());
        assertEquals("90", browser.find("#ingestion-chart").getAttribute("data-points"));
        // The text alternative: the numbers one click away.
        WebElement details = cards.get(0).findElement(org.openqa.selenium.By.cssSelector("details"));
        details.findElement(org.openqa.selenium.By.tagName("summary")).click();
        assertEquals(90, details.findElements(org.openqa.selenium.By.cssSelector("tbody tr")).size());
        browser.assertNoConsoleErrors();
        browser.assertOnlyLoopback();
        browser.screenshot("overview", 1280);
        browser.screenshot("overview-phone", 390);
    }

    @Test
    void topicChartDrawsTheArchiveSeriesWithEpisodesAndDownloads() {
        String range = "?from=2023-01-01&to=2023-03-31";
        browser.load("/ui/topics/turkey-aid" + range);
        JsonPath timeline = given().queryParam("topic", "turkey-aid").queryParam("from", "2023-01-01")
                .queryParam("to", "2023-03-31").get("/api/timeline").then().statusCode(200).extract().jsonPath();
        int buckets = timeline.getList("buckets").size();
        assertEquals(90, buckets);
        assertEquals(String.valueOf(buckets), browser.find("#attention-chart").getAttribute("data-points"));
        assertEquals(String.valueOf(buckets), browser.find("#tone-chart").getAttribute("data-points"));
        assertEquals("responsive", browser.find("#verdict-value").getText());
        List<WebElement> rows = browser.all(".episodes-table tbody tr");
        assertEquals(1, rows.size());
        assertTrue(rows.get(0).getText().startsWith("6 Feb 2023"), rows.get(0).getText());
        assertEquals(5, rows.get(0).findElements(org.openqa.selenium.By.cssSelector(".evidence a[href^='/ui/documents/']")).size());
        // The topic's events, as /api/events lists them, with a badge per language.
        JsonPath events = given().queryParam("topic", "turkey-aid").queryParam("from", "2023-01-01").queryParam("to", "2023-03-31")
                .queryParam("size", 20).queryParam("lang", "en").get("/api/events").then().statusCode(200).extract().jsonPath();
        List<WebElement> eventRows = browser.all(".events-table tbody tr");
        assertEquals(events.getList("items").size(), eventRows.size());
        assertTrue(eventRows.size() > 0);
        for (int i = 0; i < eventRows.size(); i++) {
            assertEquals(events.getString("items[" + i + "].id"),
                    eventRows.get(i).findElement(org.openqa.selenium.By.cssSelector("[data-event]")).getAttribute("data-event"));
            assertEquals(events.getList("items[" + i + "].languages").size(),
                    eventRows.get(i).findElements(org.openqa.selenium.By.cssSelector(".badge-lang")).size());
        }
        // The numbers table agrees with the API, day by day.
        browser.find("#timeline-numbers summary").click();
        List<WebElement> numberRows = browser.all("#timeline-numbers tbody tr");
        assertEquals(buckets, numberRows.size());
        int feb6 = timeline.getList("buckets.date").indexOf("2023-02-06");
        assertTrue(numberRows.get(feb6).getText().startsWith("6 Feb 2023 " + timeline.getInt("buckets[" + feb6 + "].public.count")),
                numberRows.get(feb6).getText());
        // Downloads are exactly the range on screen.
        String csvHref = browser.find("#download-csv").getAttribute("href");
        String csv = given().urlEncodingEnabled(false).get(csvHref.substring(browser.url("").length()))
                .then().statusCode(200).extract().asString();
        assertEquals(buckets + 1, csv.strip().split("\r?\n").length);
        assertTrue(browser.find("#download-json").getAttribute("href").startsWith("blob:"));
        String jsonBuckets = String.valueOf(browser.js("return fetch(document.getElementById('download-json').href)"
                + ".then(r => r.json()).then(j => j.buckets.length);"));
        assertEquals(String.valueOf(buckets), jsonBuckets);
        browser.find("#download-png").click();
        String png = browser.find("#png-link").getAttribute("href");
        assertTrue(png.startsWith("data:image/png;base64,"), png.substring(0, Math.min(40, png.length())));
        byte[] image = Base64.getDecoder().decode(png.substring("data:image/png;base64,".length()));
        assertTrue(image.length > 5000, "PNG of " + image.length + " bytes");
        browser.assertNoConsoleErrors();
        browser.assertOnlyLoopback();
        browser.screenshot("topic-turkey-aid", 1280);
        browser.screenshot("topic-turkey-aid-phone", 390);
    }

    @Test
    void dateRangePickerRedrawsTheChartForTheChosenRangeAndInterval() {
        browser.load("/ui/topics/china-visa-free");
        browser.js("document.getElementById('from').value = '2023-03-01'; document.getElementById('to').value = '2023-05-31';");
        new Select(browser.find("#interval")).selectByValue("week");
        browser.find(".range-form button[type=submit]").click();
        browser.await(Duration.ofSeconds(30), d -> d.getCurrentUrl().contains("interval=week"));
        browser.awaitLoaded();
        int weeks = given().queryParam("topic", "china-visa-free").queryParam("from", "2023-03-01").queryParam("to", "2023-05-31")
                .queryParam("interval", "week").get("/api/timeline").then().statusCode(200).extract().jsonPath()
                .getList("buckets").size();
        assertEquals(String.valueOf(weeks), browser.find("#attention-chart").getAttribute("data-points"));
        assertEquals("top-down", browser.find("#verdict-value").getText());
        assertTrue(browser.find(".episodes-table").getText().contains("trial balloon"));
        browser.assertNoConsoleErrors();
        browser.screenshot("topic-china-visa-free-weeks", 1280);
    }

    @Test
    void aBadRangeIsExplainedNotDrawn() {
        browser.load("/ui/topics/xinjiang?from=2023-05-01&to=2023-01-01");
        String status = browser.find("#topic-status").getText();
        assertTrue(status.contains("'from' is after 'to'"), status);
        // the 400 answer is the one console message the page causes
        assertEquals(1, browser.severeConsole(m -> false).size());
    }

    @Test
    void unknownTopicAndDocumentAreNotFoundPages() {
        assertEquals(404, given().get("/ui/topics/no-such-topic").statusCode());
        assertEquals(404, given().get("/ui/documents/999999999").statusCode());
        assertEquals(404, given().get("/ui/documents/abc").statusCode());
        browser.load("/ui/topics/no-such-topic");
        assertTrue(browser.find("main").getText().contains("no topic 'no-such-topic'"));
    }

    @Test
    void searchShowsHighlightedResultsFacetsAndLeadsToTheDocument() {
        browser.load("/ui/search?q=earthquake");
        List<WebElement> hits = browser.all(".hit");
        assertFalse(hits.isEmpty());
        assertFalse(browser.all(".hit .snippet mark").isEmpty(), "no highlighted match");
        assertTrue(browser.all(".hit .snippet mark").get(0).getText().toLowerCase().startsWith("earthquake"));
        long total = given().queryParam("q", "earthquake").get("/api/search").then().statusCode(200).extract().jsonPath().getLong("total");
        assertTrue(browser.find("#search-status").getText().contains(String.valueOf(total)), browser.find("#search-status").getText());
        assertFalse(browser.all("#facets [data-facet=topic] a").isEmpty());
        assertEquals("earthquake", browser.find("#q").getAttribute("value"));
        browser.assertNoConsoleErrors();
        browser.assertOnlyLoopback();
        browser.screenshot("search", 1280);
        browser.screenshot("search-phone", 390);

        // A facet narrows the search.
        WebElement facet = browser.all("#facets [data-facet=language] a").get(0);
        String language = facet.getText();
        String lang = facet.getAttribute("href").replaceAll(".*[?&]language=([a-z]+).*", "$1");
        facet.click();
        browser.await(Duration.ofSeconds(20), d -> d.getCurrentUrl().contains("language=" + lang));
        browser.awaitLoaded();
        for (WebElement meta : browser.all(".hit-meta")) {
            assertTrue(meta.getText().contains(" · " + language + " · "), meta.getText());
        }

        // A result leads to its document view.
        String id = browser.all(".hit").get(0).getAttribute("data-id");
        browser.find(".hit .hit-title a").click();
        browser.await(Duration.ofSeconds(20), d -> d.getCurrentUrl().endsWith("/ui/documents/" + id));
        browser.awaitLoaded();
        JsonPath doc = given().get("/api/documents/" + id).then().statusCode(200).extract().jsonPath();
        String facts = browser.find(".facts").getText();
        assertTrue(facts.contains(doc.getString("source")), facts);
        assertTrue(facts.contains(java.util.Map.of("en", "English", "ru", "Russian", "kk", "Kazakh")
                .getOrDefault(doc.getString("language"), doc.getString("language"))), facts);
        assertTrue(facts.contains("Tone"), facts);
        // The other reports of its event.
        JsonPath event = given().get("/api/events/" + doc.getLong("event")).then().statusCode(200).extract().jsonPath();
        assertEquals(doc.getString("event"), browser.find("dd[data-event]").getAttribute("data-event"));
        assertEquals(Math.min(50, event.getInt("documents") - 1), browser.all(".event-reports li").size());
        for (String t : doc.<String>getList("topics")) {
            assertFalse(browser.all(".facts a[href='/ui/topics/" + t + "']").isEmpty(), t);
        }
        // The article's label and confidence, and the sentences that carried each topic's tone, as the API gives them.
        if (doc.getString("toneLabel") != null) {
            WebElement label = browser.find(".tone-label");
            assertEquals(doc.getString("toneLabel"), label.getAttribute("data-tone-label"));
            assertEquals(doc.getDouble("toneConfidence"), Double.parseDouble(label.getAttribute("data-tone-confidence")), 1e-9);
        }
        java.util.Map<String, java.util.List<java.util.Map<String, Object>>> about = doc.getMap("topicSentences");
        for (var e : about.entrySet()) {
            assertEquals(e.getValue().size(), browser.all(".topic-sentences [data-topic='" + e.getKey() + "'] li").size(), e.getKey());
        }
        assertEquals(doc.getString("title"), browser.find("h1").getText());
        browser.assertNoConsoleErrors();
        browser.assertOnlyLoopback();
        browser.screenshot("document", 1280);
    }

    @Test
    void aBadQueryIsExplained() {
        browser.load("/ui/search?q=%22unclosed");
        assertTrue(browser.find("#search-status").getText().startsWith("The query cannot be run"),
                browser.find("#search-status").getText());
        assertTrue(browser.all(".hit").isEmpty());
    }

    @Test
    void markupInDocumentsIsShownAsTextNeverRun() {
        // Titles are stored as text with entities decoded, so these arrive as literal markup characters.
        String title = "&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt; Caspian &lt;script&gt;window.__xss=2&lt;/script&gt; pipeline";
        String line = "{\"source\":\"ui-test-xss\",\"role\":\"independent_media\",\"url\":\"https://example.org/ui/xss/"
                + System.nanoTime() + "\",\"title\":" + json(title) + ",\"body\":" + json("<p>Caspian pipeline talks &lt;img src=y onerror=&quot;window.__xss=3&quot;&gt; resumed</p>")
                + ",\"published\":\"2023-01-15T10:00:00Z\",\"lang\":\"en\"}";
        given().header("Authorization", "Bearer " + WithArchive.API_KEY).contentType("application/x-ndjson")
                .body(line.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/import").then().statusCode(200);
        browser.load("/ui/search?q=Caspian%20pipeline&source=ui-test-xss");
        WebElement hit = browser.find(".hit .hit-title a");
        assertEquals("<img src=x onerror=\"window.__xss=1\"> Caspian <script>window.__xss=2</script> pipeline", hit.getText());
        String snippet = browser.find(".hit .snippet").getText();
        assertTrue(snippet.contains("<img src=y"), snippet);
        assertFalse(browser.all(".hit .snippet mark").isEmpty());
        assertTrue(browser.all(".hit .snippet img").isEmpty());
        hit.click();
        browser.await(Duration.ofSeconds(20), d -> d.getCurrentUrl().contains("/ui/documents/"));
        browser.awaitLoaded();
        assertTrue(browser.find("h1").getText().contains("<script>"));
        assertTrue(browser.find(".body-text").getText().contains("<img src=y"));
        assertEquals(null, browser.js("return window.__xss === undefined ? null : window.__xss;"));
        browser.assertNoConsoleErrors();
    }

    @Test
    void sourcesPageListsTheRegistryAndRebuildsTheIndexWithTheKey() {
        browser.load("/ui/sources");
        int sources = given().get("/api/sources").then().statusCode(200).extract().jsonPath().getList("id").size();
        assertEquals(sources, browser.all("table.sources tbody tr").size());
        assertNotNull(browser.find("#reindex-progress"));
        browser.assertNoConsoleErrors();
        browser.assertOnlyLoopback();
        browser.screenshot("sources", 1280);
        browser.screenshot("sources-phone", 390);

        // A wrong key is refused, forgotten and asked for again; the right one starts the rebuild.
        browser.find("#reindex-start").click();
        awaitDialog();
        browser.find("#key-input").sendKeys("not-the-key");
        browser.find("#key-ok").click();
        browser.await(Duration.ofSeconds(20), d -> browser.find("#key-error").isDisplayed());
        assertTrue(browser.find("#key-error").getText().contains("refused"));
        assertFalse(browser.sessionStorage().containsKey("tyndau.apiKey"));
        browser.find("#key-input").sendKeys(WithArchive.API_KEY);
        browser.find("#key-ok").click();
        browser.await(Duration.ofSeconds(180), d -> "done".equals(browser.find("#reindex-progress").getAttribute("data-state")));
        assertEquals(browser.find("#reindex-progress").getAttribute("max"), browser.find("#reindex-progress").getAttribute("value"));
        assertEquals(WithArchive.API_KEY, browser.sessionStorage().get("tyndau.apiKey"));
        // 401 from the bad key, once
        List<String> errors = browser.severeConsole(m -> false);
        assertTrue(errors.size() == 1 && errors.get(0).contains("401"), errors.toString());
    }

    @Test
    void fetchNowAnswersWhatTheServerSays() {
        browser.load("/ui/sources");
        browser.js("sessionStorage.setItem('tyndau.apiKey', arguments[0]);", WithArchive.API_KEY);
        // An imports-only source answers at once (a registry source would go to the real network).
        java.util.function.Supplier<WebElement> row = () -> browser.all("table.sources tr").stream()
                .filter(r -> r.getText().contains("atajurt")).findFirst().orElseThrow();
        row.get().findElement(org.openqa.selenium.By.cssSelector(".fetch-button")).click();
        // The table is drawn again after a fetch: find the row anew each time.
        browser.await(Duration.ofSeconds(60), d -> {
            String m = row.get().findElement(org.openqa.selenium.By.cssSelector(".fetch-message")).getText();
            return !m.isBlank() && !m.equals("Fetching…");
        });
        String message = row.get().findElement(org.openqa.selenium.By.cssSelector(".fetch-message")).getText();
        assertTrue(message.contains("0 new") && message.contains("imports only"), message);
    }

    private void awaitDialog() {
        browser.await(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(browser.js("return document.getElementById('key-dialog').open;")));
    }

    private static String json(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
