package tyndau.ingest.scrape;

import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The byline when no selector gives it: author metadata, JSON-LD, or a byline block of the page. */
final class AuthorFinder {
    private static final String[] META = {"author", "article:author", "sailthru.author", "parsely-author", "dc.creator",
        "dcterms.creator", "byl"};
    /** "By …", "Автор: …", "Авторы …", "Авторы: …" are labels, not part of the name. */
    private static final Pattern LABEL = Pattern.compile(
            "^(by|автор(ы)?|текст|авторы|авторлар|автордың)\\s*[:\\-–—]?\\s+", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final int MAX_CHARS = 100;

    private AuthorFinder() {
    }

    /** The author named by the page's metadata: author metas, then JSON-LD. */
    static Optional<String> fromMetadata(Document doc, JsonLd jsonLd) {
        for (String name : META) {
            for (Element meta : doc.select("meta[content]")) {
                String key = meta.hasAttr("property") ? meta.attr("property") : meta.attr("name");
                String value = meta.attr("content").trim();
                // article:author is often the author's profile URL, not a name.
                if (key.equalsIgnoreCase(name) && !value.isEmpty() && !value.matches("(?i)https?://.*")) {
                    return clean(value);
                }
            }
        }
        return jsonLd.author().flatMap(AuthorFinder::clean);
    }

    /** A byline block of the page: {@code rel=author}, {@code itemprop=author}, a byline or author class. */
    static Optional<String> fromPage(Document doc) {
        for (Element e : doc.select("[rel=author], [itemprop~=(?i)^author$], [class~=(?i)byline|author]")) {
            String text = e.text().trim();
            if (!text.isEmpty() && text.length() < MAX_CHARS) {
                return clean(text);
            }
        }
        return Optional.empty();
    }

    static Optional<String> clean(String raw) {
        String s = LABEL.matcher(raw.replaceAll("\\s+", " ").trim()).replaceFirst("").trim();
        return s.isEmpty() || s.length() > MAX_CHARS ? Optional.empty() : Optional.of(s);
    }
}
