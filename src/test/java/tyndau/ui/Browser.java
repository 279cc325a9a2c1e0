package tyndau.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, with the checks every page gets:
 * no console error, no request leaving loopback, a screenshot under {@code target/screenshots/}.
 * Tests are skipped (not failed) on a machine without the two binaries; {@code .ci/run} installs them.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");

    final ChromeDriver driver;
    private final String origin;
    private final Path profile;

    private Browser(ChromeDriver driver, String origin, Path profile) {
        this.driver = driver;
        this.origin = origin;
        this.profile = profile;
    }

    /** origin: the service under test, e.g. {@code http://localhost:40123}. */
    static Browser open(String origin) {
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER),
                "Chromium and chromedriver are not installed (apt-get install chromium chromium-driver)");
        Path profile;
        try {
            profile = Files.createTempDirectory("tyndau-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-default-apps", "--disable-extensions", "--no-first-run", "--no-default-browser-check",
                "--window-size=1280,900", "--user-data-dir=" + profile.toAbsolutePath());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        return new Browser(new ChromeDriver(service, options), origin, profile);
    }

    String url(String path) {
        return origin + path;
    }

    /** Opens a page and waits until its scripts say they are done ({@code body[data-loaded]}) or, without scripts, it is loaded. */
    void load(String path) {
        severeConsole(m -> true); // what earlier pages logged is theirs
        driver.get(url(path));
        awaitLoaded();
    }

    void awaitLoaded() {
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> {
            Object state = js("return document.readyState === 'complete'"
                    + " && (!document.querySelector('script[data-page]') || document.body.dataset.loaded === 'true');");
            return Boolean.TRUE.equals(state);
        });
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    <T> T await(Duration timeout, java.util.function.Function<ChromeDriver, T> condition) {
        return new WebDriverWait(driver, timeout).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.apply(driver));
    }

    /** Console messages at SEVERE since the last call, less those the caller expects (e.g. a known 404). */
    List<String> severeConsole(Predicate<String> expected) {
        List<String> out = new ArrayList<>();
        for (LogEntry e : driver.manage().logs().get(LogType.BROWSER)) {
            if (e.getLevel().intValue() >= Level.SEVERE.intValue() && !expected.test(e.getMessage())) {
                out.add(e.getMessage());
            }
        }
        return out;
    }

    void assertNoConsoleErrors(Predicate<String> expected) {
        List<String> errors = severeConsole(expected);
        assertEquals(List.of(), errors, "console errors on " + driver.getCurrentUrl());
    }

    void assertNoConsoleErrors() {
        assertNoConsoleErrors(m -> false);
    }

    /** Every resource the page loaded, and the page itself, came from the service on loopback. */
    @SuppressWarnings("unchecked")
    void assertOnlyLoopback() {
        List<Object> urls = (List<Object>) js("return [location.href].concat("
                + "performance.getEntriesByType('navigation').map(e => e.name),"
                + "performance.getEntriesByType('resource').map(e => e.name));");
        assertTrue(urls.size() > 1, "the page loaded no resource at all: " + urls);
        for (Object u : urls) {
            assertTrue(String.valueOf(u).startsWith(origin + "/"), "request left the service: " + u);
        }
        assertTrue(origin.startsWith("http://localhost:") || origin.startsWith("http://127.0.0.1:"), origin);
    }

    /** A screenshot of the whole page (the window grown to its height) at the given width. */
    Path screenshot(String name, int width) {
        Dimension before = driver.manage().window().getSize();
        js("window.scrollTo(0, 0);");
        Number h = (Number) js("return Math.max(document.body.scrollHeight, document.documentElement.scrollHeight);");
        driver.manage().window().setSize(new Dimension(width, Math.min(Math.max(h.intValue() + 120, 700), 6000)));
        try {
            Thread.sleep(400); // charts follow their box's width on the next animation frame
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Files.createDirectories(SCREENSHOTS);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), to, StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            driver.manage().window().setSize(before);
        }
    }

    Map<String, Object> sessionStorage() {
        @SuppressWarnings("unchecked")
        Map<String, Object> m = (Map<String, Object>) js("return Object.assign({}, sessionStorage);");
        return m;
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (var walk = Files.walk(profile)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a leftover temporary profile is harmless
            }
        }
    }
}
