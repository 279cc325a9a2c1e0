package tyndau.ingest.sources;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import tyndau.document.NewDocument;
import tyndau.ingest.Normaliser;
import tyndau.ingest.Pipeline;
import tyndau.ingest.feeds.FeedEntry;
import tyndau.ingest.feeds.FeedParser;
import tyndau.ingest.feeds.ParsedFeed;
import tyndau.fetch.Fetched;
import tyndau.source.Source;

/** A fetched RSS/Atom feed turned into documents: parsed from bytes, each entry normalised ({@link Normaliser}) or refused with a reason. */
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
            Instant published = e.published() != null ? e.published() : e.updated();
            Normaliser.Result r = Pipeline.normalise(new Normaliser.Raw(source.id, source.role, link, e.guid(), e.title(), e.content(),
                    null, published, now, null, e.language(), source.language), false);
            if (r.warning() != null) {
                problems.add("entry " + n + " (" + link + "): " + r.warning());
            }
            if (r.document() == null) {
                rejected++;
                problems.add("entry " + n + (link == null ? "" : " (" + link + ")") + ": " + r.reason());
                continue;
            }
            docs.add(r.document());
        }
        return new SourceFetch.Items(docs, rejected, problems, null, null);
    }

    private static String looksLikeUrl(String guid) {
        return guid != null && (guid.startsWith("http://") || guid.startsWith("https://")) ? guid : null;
    }

}
