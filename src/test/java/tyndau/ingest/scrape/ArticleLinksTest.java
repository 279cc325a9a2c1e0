package tyndau.ingest.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleLinksTest {
    static final URI LIST = URI.create("https://stepnoy.example/news/");

    static List<String> links(String selector) {
        return ArticleExtractor.links(Fixtures.bytes("list-ru.html"), LIST, selector).stream().map(URI::toString).toList();
    }

    @Test
    void selectorGivesAbsoluteDeduplicatedLinksInPageOrder() {
        assertEquals(List.of(
                "https://stepnoy.example/news/2024/04/10/mid-kitai",
                "https://stepnoy.example/news/news/2024/04/09/tenge",
                "https://stepnoy.example/news/2024/04/07/most?utm_source=list"),
                links("a.news-title"));
    }

    @Test
    void selectedContainersContributeTheLinksInside() {
        assertEquals(List.of(
                "https://stepnoy.example/news/2024/04/10/mid-kitai",
                "https://stepnoy.example/news/politics",
                "https://stepnoy.example/news/news/2024/04/09/tenge",
                "https://stepnoy.example/news/2024/04/07/most?utm_source=list"),
                links(".news-item"));
    }

    @Test
    void withoutSelectorHeadingLinksOfTheSiteOutsideNavigation() {
        assertEquals(List.of(
                "https://stepnoy.example/news/2024/04/10/mid-kitai",
                "https://stepnoy.example/news/news/2024/04/09/tenge",
                "https://stepnoy.example/news/2024/04/07/most?utm_source=list"),
                links(null));
    }

    @Test
    void plainHttpListPageMayLinkToHttps() {
        String html = "<h2><a href='http://a.example/1'>One</a></h2><h2><a href='https://a.example/2'>Two</a></h2>"
                + "<h2><a href='ftp://a.example/3'>Three</a></h2>";
        assertEquals(List.of(URI.create("http://a.example/1"), URI.create("https://a.example/2")),
                ArticleExtractor.links(html, URI.create("http://a.example/"), "h2 a"));
    }

    @Test
    void selectorMatchingNothingGivesNoLinks() {
        assertEquals(List.of(), links(".no-such-list a"));
    }

    @Test
    void invalidSelectorIsAClearError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> links("a[[href"));
        assertTrue(e.getMessage().startsWith("link selector 'a[[href' is not valid CSS"), e.getMessage());
    }

    @Test
    void listPageInWindows1251ByHeader() {
        byte[] page = "<h2><a href='/новости/1'>Новость</a></h2>".getBytes(Charset.forName("windows-1251"));
        List<URI> got = ArticleExtractor.links(page, "text/html; charset=windows-1251", LIST, null);
        assertEquals(List.of(URI.create("https://stepnoy.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/1")), got);
    }
}
