package tyndau.ingest.feeds;

/**
 * A body that is not a feed, or a feed too broken to recover; the message says why in words fit to
 * store on a source and show to a user ("not a feed: root element &lt;html&gt;", "ill-formed XML at
 * line 3, column 14: ...").
 */
public class FeedParseException extends Exception {
    public FeedParseException(String message) {
        super(message);
    }

    public FeedParseException(String message, Throwable cause) {
        super(message, cause);
    }
}
