package tyndau.ingest.scrape;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/**
 * Article links on a list page: by the source's selector, or by a heuristic (links in headings,
 * {@code <article>} blocks and news-item-like blocks of the same site, outside navigation).
 */
final class ArticleLinks {
    private static final String LIKELY = "article a[href], h1 a[href], h2 a[href], h3 a[href], h4 a[href], "
            + "[class~=(?i)(title|headline|news|post|entry|story|article|item|card)] a[href]";
    private static final Pattern NOT_ARTICLES = Pattern.compile(
            "menu|nav|footer|header|breadcrumb|social|share|tags?\\b|categor|pagination|pager|lang|login|subscribe"
                    + "|banner|advert|sidebar",
            Pattern.CASE_INSENSITIVE);

    private ArticleLinks() {
    }

    static List<URI> find(Document doc, URI page, String selector) {
        Set<URI> out = new LinkedHashSet<>();
        if (selector != null) {
            Elements matched = Css.select(doc, selector).orElseThrow(() -> new IllegalArgumentException(
                    "link selector '" + selector + "' is not valid CSS: " + Css.problem(selector).orElse("")));
            for (Element m : matched) {
                for (Element a : m.is("a[href]") ? List.of(m) : m.select("a[href]")) {
                    resolve(a, page).ifPresent(out::add);
                }
            }
        } else {
            for (Element a : doc.select(LIKELY)) {
                if (!a.text().isBlank() && !inNavigation(a)) {
                    resolve(a, page).filter(u -> sameSite(u, page)).ifPresent(out::add);
                }
            }
        }
        out.remove(withoutFragment(page));
        return new ArrayList<>(out);
    }

    /** Absolute, in ASCII, fragment dropped, http(s) only and never a step down from https to http. */
    private static Optional<URI> resolve(Element a, URI page) {
        String href = a.absUrl("href");
        if (href.isEmpty()) {
            return Optional.empty();
        }
        try {
            // ASCII form: a fetcher should not have to guess how to encode "/новости/1".
            URI uri = withoutFragment(URI.create(new URI(href.trim().replace(" ", "%20")).toASCIIString()));
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            boolean web = scheme.equals("https") || scheme.equals("http") && !"https".equalsIgnoreCase(page.getScheme());
            return web && uri.getHost() != null ? Optional.of(uri) : Optional.empty();
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static URI withoutFragment(URI uri) {
        if (uri.getRawFragment() == null) {
            return uri;
        }
        String s = uri.toString();
        return URI.create(s.substring(0, s.indexOf('#')));
    }

    private static boolean inNavigation(Element a) {
        for (Element p = a; p != null; p = p.parent()) {
            if (p.is("nav, header, footer, aside") || NOT_ARTICLES.matcher(ContentHints.signature(p)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The same host, or one a subdomain of the other (www.example.kz and example.kz, ru.example.kz). */
    private static boolean sameSite(URI link, URI page) {
        String a = siteOf(link.getHost());
        String b = siteOf(page.getHost());
        return a.equals(b) || a.endsWith("." + b) || b.endsWith("." + a);
    }

    private static String siteOf(String host) {
        String h = host == null ? "" : host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }
}
