package tyndau.ingest.scrape;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** The headline when no selector gives it: {@code og:title}, else the page's only {@code <h1>}, else {@code <title>}. */
final class TitleFinder {
    /** Separators between a headline and a site name in {@code <title>}: " | ", " - ", " – ", " — ", " :: ", " « ", " » ", " / ". */
    private static final Pattern SEPARATOR = Pattern.compile("\\s+(?:[|\\-–—«»/]|::)\\s+");
    private static final int MAX_SITE_NAME_WORDS = 4;
    private static final int MIN_HEADLINE_WORDS = 3;

    /** A title and where it came from ("og:title", "h1", "title"). */
    record Found(String title, String from) {
    }

    private TitleFinder() {
    }

    static Optional<Found> find(Document doc) {
        return fromMeta(doc).or(() -> fromSingleH1(doc)).or(() -> fromTitleElement(doc));
    }

    /**
     * The title as the page's head states it ({@code og:title}, else {@code <title>}): what a heading in
     * the body is compared with to tell whether it merely repeats the headline.
     */
    static Optional<Found> declared(Document doc) {
        return fromMeta(doc).or(() -> fromTitleElement(doc));
    }

    private static Optional<Found> fromMeta(Document doc) {
        return meta(doc, "og:title").or(() -> meta(doc, "twitter:title"))
                .map(t -> new Found(stripSiteName(t, siteName(doc), doc.location(), false), "og:title"));
    }

    private static Optional<Found> fromSingleH1(Document doc) {
        Elements h1 = doc.select("body h1");
        return h1.size() == 1 && !h1.first().text().isBlank()
                ? Optional.of(new Found(h1.first().text().trim(), "h1")) : Optional.empty();
    }

    private static Optional<Found> fromTitleElement(Document doc) {
        String title = doc.title().trim();
        return title.isEmpty() ? Optional.empty()
                : Optional.of(new Found(stripSiteName(title, siteName(doc), doc.location(), true), "title"));
    }

    private static Optional<String> meta(Document doc, String name) {
        Element meta = doc.selectFirst("meta[property=" + name + "][content], meta[name=" + name + "][content]");
        return meta == null || meta.attr("content").isBlank() ? Optional.empty()
                : Optional.of(meta.attr("content").replaceAll("\\s+", " ").trim());
    }

    private static String siteName(Document doc) {
        return meta(doc, "og:site_name").or(() -> meta(doc, "application-name")).orElse("");
    }

    /**
     * "Headline | Site" → "Headline". The last part goes when it is the site's name or host, or (when
     * {@code guess}) when it is short (a site name rarely has more than four words) and a longer headline
     * of three words or more is left; a leading site name goes likewise. Anything else is left as written.
     */
    static String stripSiteName(String title, String siteName, String pageUrl, boolean guess) {
        String[] parts = SEPARATOR.split(title);
        if (parts.length < 2) {
            return title;
        }
        String host = host(pageUrl);
        String first = parts[0];
        String last = parts[parts.length - 1];
        String withoutLast = title.substring(0, lastSeparatorStart(title)).trim();
        boolean shortTail = words(last) <= MAX_SITE_NAME_WORDS && words(withoutLast) >= MIN_HEADLINE_WORDS
                && words(withoutLast) > words(last);
        if (isSite(last, siteName, host) || guess && shortTail) {
            return withoutLast;
        }
        if (isSite(first, siteName, host)) {
            return title.substring(firstSeparatorEnd(title)).trim();
        }
        return title;
    }

    private static boolean isSite(String part, String siteName, String host) {
        String p = part.trim().toLowerCase(Locale.ROOT);
        return !siteName.isBlank() && p.equals(siteName.trim().toLowerCase(Locale.ROOT))
                || !host.isEmpty() && (host.equals(p) || host.equals("www." + p) || host.startsWith(p + "."));
    }

    private static String host(String url) {
        try {
            String h = java.net.URI.create(url).getHost();
            return h == null ? "" : h.toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return "";
        }
    }

    private static int lastSeparatorStart(String title) {
        var m = SEPARATOR.matcher(title);
        int start = -1;
        while (m.find()) {
            start = m.start();
        }
        return start;
    }

    private static int firstSeparatorEnd(String title) {
        var m = SEPARATOR.matcher(title);
        return m.find() ? m.end() : 0;
    }

    private static int words(String s) {
        return (int) Arrays.stream(s.trim().split("\\s+")).filter(w -> !w.isEmpty()).count();
    }
}
