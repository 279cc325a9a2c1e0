package tyndau.ui;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What the dashboard's browser tests share: the service on the bundled archive (the subclass names the
 * profile) and one headless Chromium for the whole class, opened at the first test and closed after the last.
 * Where the browser is missing the subclass is skipped before the service starts, except in CI
 * ({@link Browser.Installed}).
 */
@ExtendWith(Browser.Installed.class)
abstract class ArchiveBrowserBase {
    @TestHTTPResource("/")
    URL root;

    static Browser browser;

    @BeforeEach
    void openBrowser() throws InterruptedException {
        Browser.requireInstalled(); // before the wait for the archive: a missing browser fails (in CI) at once
        tyndau.WithArchive.awaitReady();
        if (browser == null) {
            String s = root.toString();
            browser = Browser.open(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        }
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
