package tyndau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CanonicalUrlTest {

    @Test
    void lowerCasesHostDropsFragmentDefaultPortAndTracking() {
        assertEquals("https://tengrinews.kz/news/1?id=2",
                CanonicalUrl.of("HTTPS://TengriNews.KZ:443/news/1?utm_source=tg&id=2&fbclid=abc#comments").orElseThrow());
        assertEquals("http://example.org:8080/", CanonicalUrl.of("http://example.org:8080").orElseThrow());
    }

    @Test
    void keepsPathCaseAndOrderOfMeaningfulParameters() {
        assertEquals("https://example.org/A/b?z=1&a=2", CanonicalUrl.of("https://example.org/A/b?z=1&a=2").orElseThrow());
    }

    @Test
    void refusesWhatIsNotAnAbsoluteWebUrl() {
        assertTrue(CanonicalUrl.of("javascript:alert(1)").isEmpty());
        assertTrue(CanonicalUrl.of("file:///etc/passwd").isEmpty());
        assertTrue(CanonicalUrl.of("/relative/path").isEmpty());
        assertTrue(CanonicalUrl.of("https://").isEmpty());
        assertTrue(CanonicalUrl.of("ht tp://x y").isEmpty());
    }
}
