package tyndau.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import tyndau.WithArchive;

/**
 * The alerts page: an alert raised by an import while the page is open appears without a reload, and
 * acknowledging it works with the API key and is refused without it. A fresh browser for each test; skipped
 * without Chromium except in CI ({@link Browser.Installed}).
 */
@QuarkusTest
@TestProfile(WithArchive.class)
@ExtendWith(Browser.Installed.class)
class AlertsPageTest {

    @TestHTTPResource("/")
    URL root;

    private Browser browser;

    @BeforeEach
    void start() throws InterruptedException {
        Browser.requireInstalled(); // before the wait for the archive: a missing browser fails (in CI) at once
        WithArchive.awaitReady();
        String s = root.toString();
        browser = Browser.open(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    /** A government document on the sensitive topic china-visa-free (its query: China AND visa-free words). */
    private static String sensitiveAnnouncement(String marker) {
        return "{\"source\":\"ui-test-gov\",\"role\":\"government\",\"url\":\"https://example.org/ui/" + marker + "\","
                + "\"title\":\"Kazakhstan and China agree visa-free travel " + marker + "\","
                + "\"body\":\"Kazakhstan and China will introduce visa-free travel for short trips. Қазақстан мен Қытай визасыз"
                + " режим туралы келісті. Казахстан и Китай договорились о безвизовом режиме; безвиз вступит в силу летом.\","
                + "\"published\":\"" + Instant.now() + "\",\"lang\":\"en\"}";
    }

    @Test
    void alertRaisedByAnImportAppearsLiveAndIsAcknowledgedOnlyWithTheKey() {
        browser.load("/ui/alerts");
        // A server may send the stream's headers only with its first event, so "live" is not awaited; the page
        // also re-reads the list whenever the stream (re)opens, so nothing raised meanwhile is lost.
        try {
            browser.await(Duration.ofSeconds(10), d -> "live".equals(browser.find("#live-state").getAttribute("data-state")));
        } catch (org.openqa.selenium.TimeoutException e) {
            // not yet open: the import below makes the first event
        }
        browser.assertNoConsoleErrors();
        browser.assertOnlyLoopback();

        String marker = UUID.randomUUID().toString().substring(0, 8);
        browser.js("window.__samePage = true;");
        given().header("Authorization", "Bearer " + WithArchive.API_KEY).contentType("application/x-ndjson")
                .body(sensitiveAnnouncement(marker).getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/api/import").then().statusCode(200);

        // No reload: the same page, the entry arrives over the event stream. The document is also on
        // the sensitive topic "china", which raises an alert of its own: take the visa-free one.
        WebElement item = browser.await(Duration.ofSeconds(60), d -> browser.all(".alert-item[data-status=new]").stream()
                .filter(li -> li.getText().contains(marker) && li.getText().contains("china-visa-free")).findFirst().orElse(null));
        assertEquals(Boolean.TRUE, browser.js("return window.__samePage === true;"));
        String id = item.getAttribute("data-alert-id");
        assertTrue(item.getText().contains("china-visa-free"), item.getText());
        assertFalse(item.findElements(By.cssSelector(".alert-docs a[href^='/ui/documents/']")).isEmpty());
        browser.screenshot("alerts", 1280);

        // The overview counts it on its topic.
        browser.load("/ui/");
        WebElement count = browser.find(".topic-card[data-topic=china-visa-free] [data-role=alerts]");
        assertTrue(Integer.parseInt(count.getAttribute("data-count")) >= 1, count.getText());
        browser.assertNoConsoleErrors();
        browser.load("/ui/alerts");
        item = browser.await(Duration.ofSeconds(20), d -> browser.all(".alert-item[data-alert-id='" + id + "']").stream()
                .findFirst().orElse(null));

        // Without a key: the API refuses, and so does the page when the key offered is wrong or none is given.
        given().post("/api/alerts/" + id + "/ack").then().statusCode(401);
        item.findElement(By.cssSelector(".ack-button")).click();
        awaitDialog();
        browser.find("#key-input").sendKeys("not-the-key");
        browser.find("#key-ok").click();
        browser.await(Duration.ofSeconds(20), d -> browser.find("#key-error").isDisplayed());
        browser.find("#key-cancel").click();
        WebElement refused = browser.find(".alert-item[data-alert-id='" + id + "']");
        browser.await(Duration.ofSeconds(10), d -> refused.getText().contains("Not acknowledged"));
        assertEquals("new", refused.getAttribute("data-status"));
        assertEquals("new", given().get("/api/alerts?status=new&size=200").then().extract().jsonPath()
                .getString("items.find { it.id.toString() == '" + id + "' }.status"));

        // With the key.
        refused.findElement(By.cssSelector(".ack-button")).click();
        awaitDialog();
        browser.find("#key-input").sendKeys(WithArchive.API_KEY);
        browser.find("#key-ok").click();
        browser.await(Duration.ofSeconds(20), d -> "acknowledged".equals(
                browser.find(".alert-item[data-alert-id='" + id + "']").getAttribute("data-status")));
        assertEquals(0, given().get("/api/alerts?status=new&size=200").then().extract().jsonPath()
                .getList("items.findAll { it.id.toString() == '" + id + "' }").size());
        browser.screenshot("alerts-acknowledged", 1280);
        assertTrue(browser.severeConsole(m -> false).stream().allMatch(m -> m.contains("401")));
    }

    private void awaitDialog() {
        browser.await(Duration.ofSeconds(10), d -> Boolean.TRUE.equals(browser.js("return document.getElementById('key-dialog').open;")));
    }
}
