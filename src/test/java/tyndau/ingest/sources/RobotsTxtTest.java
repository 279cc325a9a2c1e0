package tyndau.ingest.sources;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RobotsTxtTest {
    static RobotsTxt parse(String text) {
        return RobotsTxt.parse(text.getBytes(StandardCharsets.UTF_8), "tyndau");
    }

    @Test
    void theStarGroupAppliesWhenNoGroupNamesUs() {
        RobotsTxt r = parse("User-agent: Googlebot\nDisallow: /\n\nUser-agent: *\nDisallow: /private/\nAllow: /private/open\n");
        assertTrue(r.allows("/news/1"));
        assertFalse(r.allows("/private/x"));
        assertTrue(r.allows("/private/open/page"), "longest match wins");
    }

    @Test
    void aGroupNamingUsReplacesTheStarGroup() {
        RobotsTxt r = parse("User-agent: *\nDisallow: /\n\nUser-agent: Tyndau\nUser-agent: other\nDisallow: /search\n");
        assertTrue(r.allows("/news/1"));
        assertFalse(r.allows("/search?q=x"));
    }

    @Test
    void wildcardsAndEndAnchors() {
        RobotsTxt r = parse("User-agent: *\nDisallow: /*.pdf$\nDisallow: /*?print=\n# comment\nDisallow:\n");
        assertFalse(r.allows("/files/report.pdf"));
        assertTrue(r.allows("/files/report.pdf.html"));
        assertFalse(r.allows("/news/1?print=1"));
        assertTrue(r.allows("/news/1"));
    }

    @Test
    void emptyOrGarbageAllowsEverything() {
        assertTrue(parse("").allows("/"));
        assertTrue(parse("<html>not robots</html>").allows("/anything"));
        assertFalse(RobotsTxt.DISALLOW_ALL.allows("/"));
    }

    @Test
    void backoffDoublesPerFailureUpToTheCap() {
        Duration cap = Duration.ofHours(24);
        Duration i = Duration.ofMinutes(30);
        assertTrue(SourceHealth.backoff(i, 1, cap).equals(Duration.ofMinutes(30)));
        assertTrue(SourceHealth.backoff(i, 2, cap).equals(Duration.ofMinutes(60)));
        assertTrue(SourceHealth.backoff(i, 4, cap).equals(Duration.ofMinutes(240)));
        assertTrue(SourceHealth.backoff(i, 30, cap).equals(cap));
    }
}
