package tyndau.ingest.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CanonicalsTest {
    static final URI LIST = URI.create("https://news.example.org/latest");

    static String chosen(Canonicals c, String canonical, String page) {
        return c.choose(canonical, URI.create(page), LIST, Map.of());
    }

    @Test
    void aPageOnASubdomainMayNotClaimItsParentOrASibling() {
        Canonicals none = new Canonicals(List.of());
        String page = "https://blog.example.org/2024/post";
        assertEquals(page, chosen(none, "https://example.org/news/exclusive", page));
        assertEquals(page, chosen(none, "https://shop.example.org/item/1", page));
        assertEquals("https://example.org/a/1", chosen(none, "https://blog.example.org/a/1", "https://example.org/a/1"),
                "nor the parent a subdomain");
    }

    @Test
    void theSameHostIsBelievedIgnoringCaseAndALeadingWww() {
        Canonicals none = new Canonicals(List.of());
        assertEquals("https://example.org/news/1?id=2", chosen(none, "https://example.org/news/1?id=2", "https://example.org/news/1?id=2&utm_source=x"));
        assertEquals("https://EXAMPLE.org/news/1", chosen(none, "https://EXAMPLE.org/news/1", "https://www.example.org/n/1"));
    }

    @Test
    void aConfiguredAliasMayBeClaimedBothWays() {
        Canonicals aliased = new Canonicals(List.of(" m.example.org  example.org example.kz", "other.test"));
        assertEquals("https://example.org/news/1", chosen(aliased, "https://example.org/news/1", "https://m.example.org/news/1"));
        assertEquals("https://m.example.org/news/1", chosen(aliased, "https://m.example.org/news/1", "https://www.example.org/news/1"));
        assertEquals("https://example.org/news/1", chosen(aliased, "https://example.org/news/1", "https://example.kz/news/1"));
        String page = "https://blog.example.org/news/1";
        assertEquals(page, chosen(aliased, "https://example.org/news/1", page), "only the hosts listed");
    }
}
