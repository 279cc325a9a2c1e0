package tyndau.ingest.feeds;

import java.util.List;

/**
 * A feed read from bytes.
 *
 * @param type     Rome's feed type: {@code rss_2.0}, {@code rss_1.0}, {@code rss_0.91U}, {@code atom_1.0}, {@code atom_0.3}...
 * @param title    the feed's title as plain text, or null
 * @param charset  the character set the bytes were read in (Java's canonical name, e.g. {@code windows-1251})
 * @param entries  the items in document order
 * @param warnings what was recovered or guessed, e.g. {@code "recovered: unescaped & (2 times, first at line 5)"},
 *                 {@code "entry 3: unparseable date 'foo'"}; empty for a clean feed
 */
public record ParsedFeed(String type, String title, String charset, List<FeedEntry> entries, List<String> warnings) {
    public ParsedFeed {
        entries = List.copyOf(entries);
        warnings = List.copyOf(warnings);
    }
}
