package tyndau.ingest.scrape;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Bytes to a document. The character set comes from the Content-Type header when it names one Java
 * knows; otherwise jsoup's DataUtil decides from a byte-order mark, then {@code <meta charset>} or
 * {@code http-equiv}, then the XML declaration, and defaults to UTF-8. A byte-order mark overrides the
 * header, as the HTML standard's encoding sniffing says (WHATWG HTML §13.2.3.1).
 */
final class PageDecoder {
    private static final Pattern CHARSET = Pattern.compile("charset\\s*=\\s*[\"']?([^\"';\\s]+)", Pattern.CASE_INSENSITIVE);

    private PageDecoder() {
    }

    static Document decode(byte[] html, String contentType, String baseUri, List<String> warnings) {
        String charset = headerCharset(contentType, warnings).orElse(null);
        try {
            Document doc = Jsoup.parse(new ByteArrayInputStream(html), charset, baseUri);
            absolutiseLinks(doc);
            return doc;
        } catch (IOException e) {
            // Reading from memory: only a decoder failure can get here.
            throw new UncheckedIOException("cannot decode the page: " + e.getMessage(), e);
        }
    }

    static Document decode(String html, String baseUri) {
        Document doc = Jsoup.parse(html, baseUri);
        absolutiseLinks(doc);
        return doc;
    }

    private static Optional<String> headerCharset(String contentType, List<String> warnings) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = CHARSET.matcher(contentType);
        if (!m.find()) {
            return Optional.empty();
        }
        String name = m.group(1).trim();
        try {
            if (Charset.isSupported(name)) {
                return Optional.of(Charset.forName(name).name());
            }
        } catch (IllegalArgumentException e) {
            // an illegal name is reported like an unknown one
        }
        warnings.add("unknown charset '" + name + "' in Content-Type; detected it from the page instead");
        return Optional.empty();
    }

    /**
     * Links and images resolved against the page (and its {@code <base href>}) before any part is cut
     * out of the document, since a detached part no longer knows the page's address.
     */
    private static void absolutiseLinks(Document doc) {
        if (doc.location().isEmpty()) {
            return;
        }
        for (Element a : doc.select("a[href], img[src]")) {
            String attr = a.hasAttr("href") ? "href" : "src";
            String abs = a.absUrl(attr);
            if (!abs.isEmpty()) {
                a.attr(attr, abs);
            }
        }
    }
}
