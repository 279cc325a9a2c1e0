package tyndau.ingest.feeds;

import java.time.Instant;

/**
 * One item of a feed, normalised.
 *
 * @param guid      RSS {@code guid}, Atom {@code id} or RSS 1.0 {@code rdf:about}; null when absent
 * @param link      absolute http(s) URL, resolved against xml:base, the channel link or the feed's own URL
 *                  when relative; null when absent or not resolvable
 * @param title     plain text (HTML in titles is stripped, entities decoded); null when absent
 * @param content   HTML or text: {@code content:encoded} / Atom {@code content} preferred, else
 *                  {@code description} / {@code summary}; null when absent
 * @param published {@code pubDate}, {@code dc:date}, Atom {@code published} (0.3: {@code issued}); null when
 *                  absent or unparseable, never the time of parsing
 * @param updated   Atom {@code updated} (0.3: {@code modified}); null when absent or unparseable
 * @param author    author name or address as given; null when absent
 * @param language  the entry's or else the feed's {@code xml:lang} / {@code language} / {@code dc:language}, lower-cased; may be null
 */
public record FeedEntry(String guid, String link, String title, String content, Instant published, Instant updated,
                        String author, String language) {
}
