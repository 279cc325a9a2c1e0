package tyndau.ingest.sources;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tyndau.document.NewDocument;
import tyndau.ingest.CanonicalUrl;
import tyndau.ingest.HtmlText;
import tyndau.ingest.Languages;
import tyndau.ingest.feeds.FeedEntry;
import tyndau.ingest.feeds.FeedParser;
import tyndau.ingest.feeds.ParsedFeed;
import tyndau.ingest.fetch.Fetched;
import tyndau.source.Source;

/** A fetched RSS/Atom feed turned into documents: parsed from bytes, each entry normalised or refused with a reason. */
@ApplicationScoped
class FeedItems {

    SourceFetch.Items read(Source source, Fetched fetched) throws SourceFetch.SourceFailure {
        ParsedFeed feed;
        try {
            feed = FeedParser.parse(fetched.body(), fetched.contentType(), fetched.finalUri());
        } catch (Exception e) {
            throw new SourceFetch.SourceFailure("not a readable feed: " + e.getMessage());
        }
        List<NewDocument> docs = new ArrayList<>();
        List<String> problems = new ArrayList<>(feed.warnings());
        int rejected = 0;
        Instant now = Instant.now();
        int n = 0;
        for (FeedEntry e : feed.entries()) {
            n++;
            String link = e.link() != null ? e.link() : looksLikeUrl(e.guid());
            String url = link == null ? null : CanonicalUrl.of(link).orElse(null);
            if (url == null) {
                rejected++;
                problems.add("entry " + n + ": no usable link");
                continue;
            }
            String content = e.content() == null ? "" : e.content();
            boolean html = HtmlText.looksLikeHtml(content);
            String text = html ? HtmlText.text(content) : content.strip();
            String title = e.title() == null ? "" : e.title().strip();
            if (title.isEmpty()) {
                title = firstWords(text);
            }
            if (title.isEmpty()) {
                rejected++;
                problems.add("entry " + n + " (" + url + "): neither title nor text");
                continue;
            }
            Instant published = e.published() != null ? e.published() : e.updated();
            docs.add(new NewDocument(source.id, source.role, url, e.guid(), title, text, html ? HtmlText.sanitise(content) : null,
                    published, now, Languages.decide(title + "\n" + text, e.language(), source.language)));
        }
        return new SourceFetch.Items(docs, rejected, problems);
    }

    private static String looksLikeUrl(String guid) {
        return guid != null && (guid.startsWith("http://") || guid.startsWith("https://")) ? guid : null;
    }

    /** A title for an untitled entry (some social feeds): its first words, at most about 100 characters. */
    private static String firstWords(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= 100) {
            return t;
        }
        int cut = t.lastIndexOf(' ', 100);
        return t.substring(0, cut > 40 ? cut : 100) + "…";
    }
}
