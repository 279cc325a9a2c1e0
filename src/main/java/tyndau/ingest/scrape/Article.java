package tyndau.ingest.scrape;

import java.time.Instant;
import java.util.List;

/**
 * What an article page says, as extracted.
 *
 * @param title        the headline, or null when the page has none
 * @param text         plain text of the main content, paragraphs separated by blank lines ("" when none)
 * @param bodyHtml     the main content as sanitised HTML, safe to store and show ("" when none)
 * @param published    publication time; null means undateable (never the fetch time)
 * @param dateSource   where {@code published} came from: "selector", "meta:&lt;name&gt;", "json-ld", "time",
 *                     "text"; null when undateable
 * @param author       the byline, or null
 * @param canonicalUrl {@code <link rel=canonical>} resolved and cleaned, else the page URI cleaned; null
 *                     when neither is an http(s) URL
 * @param language     the page's declared language ({@code <html lang>}), or null
 * @param warnings     what went differently from the source's configuration, for the operator
 */
public record Article(String title, String text, String bodyHtml, Instant published, String dateSource,
        String author, String canonicalUrl, String language, List<String> warnings) {
    public Article {
        warnings = List.copyOf(warnings);
    }

    public boolean undateable() {
        return published == null;
    }
}
