package tyndau.ingest.scrape;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Elements;

/** The places of a page that may state its publication time, each read by {@link DateExtractor.Plausible}. */
final class DateSources {
    /** Metadata names for the publication time, most specific first (Open Graph, schema.org, Dublin Core, CMSs). */
    private static final List<String> META_NAMES = List.of(
            "article:published_time", "og:article:published_time", "og:published_time", "datepublished",
            "dc.date.issued", "dcterms.issued", "dc.date.created", "dcterms.created", "dc.date", "dcterms.date",
            "sailthru.date", "parsely-pub-date", "article.published", "published_time", "published-date",
            "published_at", "publishdate", "publish_date", "publish-date", "pubdate", "article:publicationdate",
            "mediator_published_time", "cxenseparse:recs:publishtime", "citation_publication_date", "date");
    private static final Pattern DATE_HINT = Pattern.compile(
            "date|time|publish|posted|created|dateline|byline|meta|info|дата|data|stamp", Pattern.CASE_INSENSITIVE);
    private static final Pattern NOT_ARTICLE = Pattern.compile(
            "comment|related|sidebar|footer|popular|recommend|more-news|widget|teaser|promo|advert|nav|menu",
            Pattern.CASE_INSENSITIVE);
    private static final String BOILERPLATE_TAGS = "nav, footer, aside";
    private static final int SHORT_BLOCK = 80;
    private static final int HINTED_BLOCK = 120;

    private DateSources() {
    }

    static Optional<DateExtractor.Found> fromSelector(Document doc, String selector, DateExtractor.Plausible p) {
        if (selector == null || selector.isBlank()) {
            return Optional.empty();
        }
        for (Element e : Css.select(doc, selector).orElseGet(Elements::new)) {
            Optional<Instant> at = p.ofElement(e);
            if (at.isPresent()) {
                return at.map(i -> new DateExtractor.Found(i, "selector"));
            }
        }
        return Optional.empty();
    }

    static Optional<DateExtractor.Found> fromMeta(Document doc, DateExtractor.Plausible p) {
        Elements metas = doc.select("meta[content], [itemprop][content], [itemprop][datetime]");
        for (String name : META_NAMES) {
            for (Element meta : metas) {
                String key = metaKey(meta);
                if (!name.equals(key)) {
                    continue;
                }
                String value = meta.hasAttr("content") ? meta.attr("content") : meta.attr("datetime");
                Optional<Instant> at = p.anything(value);
                if (at.isPresent()) {
                    String label = "datepublished".equals(name) ? "datePublished" : name;
                    return at.map(i -> new DateExtractor.Found(i, "meta:" + label));
                }
            }
        }
        return Optional.empty();
    }

    private static String metaKey(Element e) {
        for (String attr : new String[] {"property", "name", "itemprop", "http-equiv"}) {
            if (e.hasAttr(attr)) {
                return e.attr(attr).trim().toLowerCase(Locale.ROOT);
            }
        }
        return "";
    }

    static Optional<DateExtractor.Found> fromTimeElements(Document doc, DateExtractor.Plausible p) {
        Elements times = doc.select("time[datetime]");
        // A time marked as the publication time beats the first one on the page.
        for (String marked : new String[] {"time[pubdate]", "time[itemprop~=(?i)datePublished]",
            "time[class~=(?i)publish|posted|created]"}) {
            for (Element t : doc.select(marked + "[datetime]")) {
                Optional<Instant> at = p.anything(t.attr("datetime"));
                if (at.isPresent()) {
                    return at.map(i -> new DateExtractor.Found(i, "time"));
                }
            }
        }
        for (Element t : times) {
            if (!inBoilerplate(t)) {
                Optional<Instant> at = p.anything(t.attr("datetime"));
                if (at.isPresent()) {
                    return at.map(i -> new DateExtractor.Found(i, "time"));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Short blocks of visible text: first those whose class or id speaks of a date, then any short block,
     * in page order, outside navigation, footers, comments and lists of other articles.
     */
    static Optional<DateExtractor.Found> fromVisibleText(Document doc, DateExtractor.Plausible p) {
        if (doc.body() == null) {
            return Optional.empty();
        }
        Elements all = doc.body().getAllElements();
        for (Element e : all) {
            if (e.normalName().equals("time") || DATE_HINT.matcher(ContentHints.signature(e)).find()) {
                Optional<Instant> at = shortText(e, HINTED_BLOCK).flatMap(p::text);
                if (at.isPresent() && !inBoilerplate(e)) {
                    return at.map(i -> new DateExtractor.Found(i, "text"));
                }
            }
        }
        for (Element e : all) {
            if (hasOwnText(e)) {
                Optional<Instant> at = shortText(e, SHORT_BLOCK).flatMap(p::text);
                if (at.isPresent() && !inBoilerplate(e)) {
                    return at.map(i -> new DateExtractor.Found(i, "text"));
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> shortText(Element e, int max) {
        String text = e.text();
        return text.isBlank() || text.length() > max ? Optional.empty() : Optional.of(text);
    }

    private static boolean hasOwnText(Element e) {
        return e.textNodes().stream().anyMatch(t -> !t.isBlank());
    }

    private static boolean inBoilerplate(Element e) {
        for (Element a = e; a != null; a = a.parent()) {
            if (a.is(BOILERPLATE_TAGS) || NOT_ARTICLE.matcher(ContentHints.signature(a)).find()) {
                return true;
            }
        }
        return false;
    }
}
