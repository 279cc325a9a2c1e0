package tyndau.ingest.scrape;

import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tyndau.ingest.CanonicalUrl;
import tyndau.ingest.HtmlText;

/**
 * Article pages and list pages of HTML sources. Each part of an article (title, date, body, author) is
 * taken by the source's selector when it has one that matches, and otherwise by the general rules
 * (metadata, then a Readability-style main-content extractor); every fallback is reported in
 * {@link Article#warnings()}. Parsers get bytes, never a URL: nothing here opens a connection.
 */
public final class ArticleExtractor {
    private ArticleExtractor() {
    }

    /**
     * @param html              the page as fetched
     * @param contentTypeHeader the response's Content-Type (its charset is used), or null
     * @param pageUri           the page's address, for relative links and the canonical URL; may be null
     * @param selectors         the source's selectors, or null for none
     * @param zone              the source's time zone, for times written without an offset
     * @param now               the present, for relative dates ("2 часа назад") and the future bound
     */
    public static Article extract(byte[] html, String contentTypeHeader, URI pageUri, Selectors selectors,
            ZoneId zone, Instant now) {
        Objects.requireNonNull(html, "html");
        checkArguments(zone, now);
        List<String> warnings = new ArrayList<>();
        Document doc = PageDecoder.decode(html, contentTypeHeader, base(pageUri), warnings);
        return extract(doc, pageUri, selectors, zone, now, warnings);
    }

    /** The same, for a page already decoded to text. */
    public static Article extract(String html, URI pageUri, Selectors selectors, ZoneId zone, Instant now) {
        Objects.requireNonNull(html, "html");
        checkArguments(zone, now);
        return extract(PageDecoder.decode(html, base(pageUri)), pageUri, selectors, zone, now, new ArrayList<>());
    }

    /**
     * Article links on a list page, absolute, in page order, without duplicates or fragments; http(s)
     * only, and only https when the list page is https. With a selector, the links it matches (a
     * matched element that is not a link contributes the links inside it); without one, a heuristic.
     *
     * @throws IllegalArgumentException when the selector is not valid CSS
     */
    public static List<URI> links(byte[] listPageHtml, URI listPageUri, String linkSelector) {
        return links(listPageHtml, null, listPageUri, linkSelector);
    }

    /** The same, with the response's Content-Type for the character set. */
    public static List<URI> links(byte[] listPageHtml, String contentTypeHeader, URI listPageUri, String linkSelector) {
        Objects.requireNonNull(listPageHtml, "listPageHtml");
        Objects.requireNonNull(listPageUri, "listPageUri");
        Document doc = PageDecoder.decode(listPageHtml, contentTypeHeader, listPageUri.toString(), new ArrayList<>());
        return ArticleLinks.find(doc, listPageUri, linkSelector);
    }

    /** The same, for a list page already decoded to text. */
    public static List<URI> links(String listPageHtml, URI listPageUri, String linkSelector) {
        Objects.requireNonNull(listPageHtml, "listPageHtml");
        Objects.requireNonNull(listPageUri, "listPageUri");
        return ArticleLinks.find(PageDecoder.decode(listPageHtml, listPageUri.toString()), listPageUri, linkSelector);
    }

    private static Article extract(Document doc, URI pageUri, Selectors given, ZoneId zone, Instant now,
            List<String> warnings) {
        Selectors selectors = UsableSelectors.of(given, warnings);
        JsonLd jsonLd = JsonLd.of(doc);

        String title = PartPicker.title(doc, selectors.title(), warnings);
        PartPicker.Body body = PartPicker.body(doc, selectors.body(), warnings);
        Optional<DateExtractor.Found> date = PartPicker.date(doc, selectors.date(), zone, now, warnings);
        String author = PartPicker.author(doc, selectors.author(), warnings)
                .or(() -> AuthorFinder.fromMetadata(doc, jsonLd))
                .or(body::byline)
                .or(() -> AuthorFinder.fromPage(doc))
                .orElse(null);
        Element content = body.content().orElse(null);

        return new Article(title,
                content == null ? "" : PlainText.of(content),
                content == null ? "" : HtmlText.sanitise(content.html()),
                date.map(DateExtractor.Found::published).orElse(null),
                date.map(DateExtractor.Found::source).orElse(null),
                author,
                canonicalUrl(doc, pageUri, warnings),
                language(doc),
                warnings);
    }

    private static String canonicalUrl(Document doc, URI pageUri, List<String> warnings) {
        Element link = doc.selectFirst("link[rel=canonical][href]");
        if (link != null) {
            Optional<String> canonical = CanonicalUrl.of(link.absUrl("href"));
            if (canonical.isPresent()) {
                return canonical.get();
            }
            warnings.add("rel=canonical '" + link.attr("href") + "' is not an http(s) URL; used the page address");
        }
        return pageUri == null ? null : CanonicalUrl.of(pageUri.toString()).orElse(null);
    }

    private static String language(Document doc) {
        Element html = doc.selectFirst("html");
        if (html == null) {
            return null;
        }
        String lang = html.hasAttr("lang") ? html.attr("lang") : html.attr("xml:lang");
        return lang.isBlank() ? null : lang.trim();
    }

    private static String base(URI pageUri) {
        return pageUri == null ? "" : pageUri.toString();
    }

    private static void checkArguments(ZoneId zone, Instant now) {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(now, "now");
    }
}
