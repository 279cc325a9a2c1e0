package tyndau.ingest.feeds;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import java.net.URI;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.Element;

/**
 * RSS 0.9x / 1.0 / 2.0 and Atom 0.3 / 1.0 from bytes, never from a URL: the character set is worked
 * out ({@link FeedCharset}), the text made safe and well-formed where that can be done without
 * guessing ({@link XmlHealer}: no DOCTYPE, DTD or entity is ever resolved), read strictly or else
 * leniently ({@link FeedXml}), shaped for Rome ({@link FeedShape}), read by Rome and normalised
 * ({@link FeedEntries}). Anything else is a {@link FeedParseException} with a reason.
 */
public final class FeedParser {
    private FeedParser() {
    }

    /** Parses a feed body; {@code contentTypeHeader} (may be null) is the HTTP Content-Type it came with. */
    public static ParsedFeed parse(byte[] body, String contentTypeHeader) throws FeedParseException {
        return parse(body, contentTypeHeader, null);
    }

    /**
     * As {@link #parse(byte[], String)}, with the URL the body was fetched from (may be null) as the
     * base of relative links; it is never opened.
     */
    public static ParsedFeed parse(byte[] body, String contentTypeHeader, URI feedUrl) throws FeedParseException {
        if (body == null || body.length == 0) {
            throw new FeedParseException("empty body");
        }
        Warnings warnings = new Warnings();
        FeedCharset.Decoded decoded = FeedCharset.decode(body, contentTypeHeader, warnings);
        String text = decoded.text();
        String start = text.strip();
        if (start.isEmpty()) {
            throw new FeedParseException("empty body (" + body.length + " bytes of white space)");
        }
        if (start.startsWith("{") || start.startsWith("[")) {
            throw new FeedParseException("not a feed: JSON (JSON Feed is not read)");
        }
        XmlHealer.Healed healed = XmlHealer.heal(text, warnings);
        if (healed.rootName() == null) {
            throw new FeedParseException("not a feed: no XML element found");
        }
        if (FeedXml.localName(healed.rootName()).equalsIgnoreCase("html")) {
            throw new FeedParseException("not a feed: root element <" + healed.rootName() + "> (an HTML page)");
        }
        Document doc = FeedXml.read(healed.xml(), warnings);
        SyndFeedInput input = new SyndFeedInput();
        input.setPreserveWireFeed(true);
        try {
            FeedShape.normalise(doc, warnings);
            List<Element> items = FeedShape.items(doc);
            FeedShape.canonicaliseDates(items, warnings);
            SyndFeed feed = input.build(doc);
            List<FeedEntry> entries = FeedEntries.map(feed, items, feedUrl, FeedShape.channelLink(doc), warnings);
            return new ParsedFeed(feed.getFeedType(), title(feed), decoded.charset(), entries, warnings.list());
        } catch (FeedException e) {
            throw new FeedParseException("feed could not be read: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            if (e.getClass() == IllegalArgumentException.class && "Invalid document".equals(e.getMessage())) {
                throw new FeedParseException("not a feed: Rome knows no feed type for root element <"
                        + doc.getRootElement().getQualifiedName() + ">", e);
            }
            // Rome assumes some elements hold numbers or exist, JDOM refuses some names when a document
            // is reshaped; a feed that breaks those assumptions is reported, never let through.
            String detail = e instanceof IllegalArgumentException && e.getMessage() != null ? e.getMessage() : "unexpected structure";
            throw new FeedParseException("feed could not be read: " + detail, e);
        }
    }

    private static String title(SyndFeed feed) {
        SyndContent t = feed.getTitleEx();
        String raw = t != null && t.getValue() != null ? t.getValue() : feed.getTitle();
        String plain = raw == null ? null : FeedEntries.plain(raw, t == null ? null : t.getType());
        return plain != null ? plain : FeedEntries.dcTitle(feed.getModule(DCModule.URI));
    }
}
