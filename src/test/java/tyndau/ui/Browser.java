package tyndau.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.logging.Level;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
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
 * Without the two binaries the tests are skipped with the reason on a developer's machine and fail in CI
 * ({@code TYNDAU_CI=1}, exported by {@code .ci/run}, which installs them): a dashboard nobody opened
 * must not pass as a dashboard that works.
 */
final class Browser implements AutoCloseable {
    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    /** Set by {@code .ci/run}; any other value, or none, is a developer's machine. */
    static final String CI_VARIABLE = "TYNDAU_CI";

    static boolean inCi() {
        return "1".equals(System.getenv(CI_VARIABLE));
    }

    /** What keeps a browser from starting here (the paths that are not executable), or empty. */
    static Optional<String> missing() {
        List<String> absent = new ArrayList<>();
        for (Path p : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(p)) {
                absent.add(p.toString());
            }
        }
        return absent.isEmpty() ? Optional.empty()
                : Optional.of("no executable " + String.join(" and ", absent) + " (apt-get install chromium chromium-driver)");
    }

    /** Skips the calling test where the browser is missing, or fails it in CI. */
    static void requireInstalled() {
        missing().ifPresent(why -> {
            if (inCi()) {
                fail(CI_VARIABLE + "=1 and " + why + ": in CI the dashboard tests must run, not skip");
            }
            abort("dashboard test skipped: " + why + "; in CI (" + CI_VARIABLE + "=1) this is a failure");
        });
    }

    /**
     * Skips a whole browser test class before its service starts (importing the archive for tests that
     * cannot run costs a minute) where the browser is missing, except in CI, where the class runs and
     * {@link #open} fails it.
     */
    static final class Installed implements ExecutionCondition {
        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
            Optional<String> why = missing();
            if (why.isEmpty()) {
                return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
            }
            if (inCi()) {
                return ConditionEvaluationResult.enabled(CI_VARIABLE + "=1: run, and fail on " + why.get());
            }
            return ConditionEvaluationResult.disabled("dashboard test skipped: " + why.get() + "; in CI ("
                    + CI_VARIABLE + "=1) this is a failure");
        }
    }

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
        requireInstalled();
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
