package tyndau.ingest.sources;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;
import tyndau.TyndauConfig;
import tyndau.document.Document;
import tyndau.document.DocumentWriter;
import tyndau.document.Hashes;
import tyndau.document.NewDocument;
import tyndau.document.WriteOutcome;
import tyndau.ingest.CanonicalUrl;
import tyndau.ingest.Normaliser;
import tyndau.ingest.fetch.FetchException;
import tyndau.ingest.fetch.Fetched;
import tyndau.ingest.fetch.SafeFetcher;
import tyndau.ingest.scrape.Article;
import tyndau.ingest.scrape.ArticleExtractor;
import tyndau.ingest.scrape.Selectors;
import tyndau.source.Source;

/**
 * One fetch of one source: bytes through {@link SafeFetcher}, parsed as a feed or as a list page
 * and its articles, normalised, deduplicated and stored by {@link DocumentWriter}; then the
 * source's health is updated ({@link SourceHealth}). A failure of the source is an outcome with an
 * error, never an exception; a failure of one article costs only that article.
 */
@ApplicationScoped
class SourceFetch {
    private static final Logger LOG = Logger.getLogger(SourceFetch.class);

    private final SafeFetcher fetcher;
    private final DocumentWriter writer;
    private final tyndau.index.LuceneIndex index;
    private final RobotsPolicy robots;
    private final FeedItems feedItems;
    private final SourceHealth health;
    private final TyndauConfig config;
    private final ObjectMapper json;

    SourceFetch(SafeFetcher fetcher, DocumentWriter writer, tyndau.index.LuceneIndex index, RobotsPolicy robots, FeedItems feedItems, SourceHealth health,
                TyndauConfig config, ObjectMapper json) {
        this.fetcher = fetcher;
        this.writer = writer;
        this.index = index;
        this.robots = robots;
        this.feedItems = feedItems;
        this.health = health;
        this.config = config;
        this.json = json;
    }

    /** Fetches {@code source} now; the outcome is also recorded on the source. */
    FetchOutcome run(Source source) {
        Instant at = Instant.now();
        FetchOutcome outcome;
        Fetched first = null;
        try {
            if (source.url == null || !(source.type.equals("rss") || source.type.equals("atom") || source.type.equals("html"))) {
                throw new SourceFailure("source type '" + source.type + "' is not fetched (imports only)");
            }
            URI uri = URI.create(source.url);
            String refused = source.type.equals("html") ? robots.refusal(uri) : null;
            if (refused != null) {
                throw new SourceFailure(refused);
            }
            first = fetcher.fetch(new SafeFetcher.Request(uri, source.etag, source.lastModified, source.bodyHash));
            if (first.status() >= 400) {
                throw new SourceFailure("HTTP " + first.status() + " from " + first.finalUri(), first.retryAfter());
            }
            if (first.unchanged()) {
                outcome = FetchOutcome.unchanged(source.id, at);
            } else if (source.type.equals("html")) {
                outcome = store(source, at, articles(source, first));
            } else {
                outcome = store(source, at, feedItems.read(source, first));
            }
        } catch (SourceFailure e) {
            outcome = FetchOutcome.failed(source.id, at, e.getMessage());
            health.failed(source.id, outcome, e.retryAfter);
            return outcome;
        } catch (FetchException e) {
            outcome = FetchOutcome.failed(source.id, at, e.getMessage());
            health.failed(source.id, outcome, null);
            return outcome;
        } catch (RuntimeException e) {
            LOG.errorf(e, "fetching source %s failed unexpectedly", source.id);
            outcome = FetchOutcome.failed(source.id, at, "unexpected error: " + e.getClass().getSimpleName());
            health.failed(source.id, outcome, null);
            return outcome;
        }
        health.succeeded(source.id, outcome, first);
        return outcome;
    }

    /** Items of a fetch, before storage: documents to write and what was refused already. */
    record Items(List<NewDocument> documents, int rejected, List<String> problems) {
    }

    private Items articles(Source source, Fetched list) throws SourceFailure {
        Selectors selectors = selectors(source);
        List<URI> links = ArticleExtractor.links(list.body(), list.contentType(), list.finalUri(), selectors == null ? null : selectors.links());
        if (links.isEmpty()) {
            throw new SourceFailure("the list page has no article links"
                    + (selectors != null && selectors.links() != null ? " (selector '" + selectors.links() + "')" : ""));
        }
        List<URI> fresh = unseen(links);
        List<NewDocument> docs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int rejected = 0;
        ZoneId zone = ZoneId.of(source.timeZone);
        List<Article> read = new ArrayList<>();
        List<URI> readFrom = new ArrayList<>();
        for (URI link : fresh.subList(0, Math.min(fresh.size(), config.polling().maxArticles()))) {
            try {
                String refused = robots.refusal(link);
                if (refused != null) {
                    rejected++;
                    problems.add(link + ": " + refused);
                    continue;
                }
                Fetched page = fetcher.fetch(SafeFetcher.Request.of(link));
                if (page.status() >= 400) {
                    rejected++;
                    problems.add(link + ": HTTP " + page.status());
                    continue;
                }
                Article a = ArticleExtractor.extract(page.body(), page.contentType(), page.finalUri(), selectors, zone, Instant.now());
                if (a.title() == null || a.title().isBlank()) {
                    rejected++;
                    problems.add(link + ": no title found");
                    continue;
                }
                read.add(a);
                readFrom.add(page.finalUri());
            } catch (FetchException | RuntimeException e) {
                rejected++;
                problems.add(link + ": " + e.getMessage());
            }
        }
        // A canonical claimed by several pages of this run is nobody's (README "Sources").
        java.util.Map<String, Integer> claims = new java.util.HashMap<>();
        read.forEach(a -> {
            if (a.canonicalUrl() != null) {
                claims.merge(a.canonicalUrl(), 1, Integer::sum);
            }
        });
        for (int i = 0; i < read.size(); i++) {
            Article a = read.get(i);
            URI from = readFrom.get(i);
            String url = Canonicals.choose(a.canonicalUrl(), from, list.finalUri(), claims);
            if (a.canonicalUrl() != null && !url.equals(a.canonicalUrl())) {
                problems.add(from + ": rel=canonical " + a.canonicalUrl() + " not taken (another site, the site's root, the list page,"
                        + " or claimed by several pages); stored under its own address");
            }
            Normaliser.Result r = Normaliser.normalise(new Normaliser.Raw(source.id, source.role, url, null, a.title(), a.text(),
                    a.bodyHtml(), a.published(), Instant.now(), null, a.language(), source.language), false);
            if (r.warning() != null) {
                problems.add(from + ": " + r.warning());
            }
            if (r.document() == null) {
                rejected++;
                problems.add(from + ": " + r.reason());
                continue;
            }
            a.warnings().forEach(w -> problems.add(from + ": " + w));
            docs.add(r.document());
        }
        if (fresh.size() > config.polling().maxArticles()) {
            problems.add((fresh.size() - config.polling().maxArticles()) + " more new links wait for the next run");
        }
        return new Items(docs, rejected, problems);
    }

    /** Links whose canonical URL is not stored yet, in page order. */
    private static List<URI> unseen(List<URI> links) {
        Set<String> hashes = new HashSet<>();
        for (URI l : links) {
            CanonicalUrl.of(l.toString()).ifPresent(c -> hashes.add(Hashes.sha256(c)));
        }
        Set<String> known = QuarkusTransaction.requiringNew().call(() -> new HashSet<>(Document.getEntityManager()
                .createQuery("select d.urlHash from Document d where d.urlHash in :h", String.class)
                .setParameter("h", hashes).getResultList()));
        List<URI> fresh = new ArrayList<>();
        for (URI l : links) {
            String c = CanonicalUrl.of(l.toString()).orElse(null);
            if (c != null && !known.contains(Hashes.sha256(c))) {
                fresh.add(l);
            }
        }
        return fresh;
    }

    private Selectors selectors(Source source) throws SourceFailure {
        try {
            return Selectors.fromJson(source.selectors, json);
        } catch (IllegalArgumentException e) {
            throw new SourceFailure(e.getMessage());
        }
    }

    private FetchOutcome store(Source source, Instant at, Items items) {
        List<WriteOutcome> written = writer.write(items.documents());
        int created = 0;
        int duplicates = 0;
        int rejected = items.rejected();
        List<Long> ids = new ArrayList<>();
        List<String> problems = new ArrayList<>(items.problems());
        for (int i = 0; i < written.size(); i++) {
            WriteOutcome w = written.get(i);
            switch (w.kind()) {
                case ACCEPTED -> {
                    created++;
                    ids.add(w.documentId());
                }
                case DUPLICATE -> duplicates++;
                case REJECTED -> {
                    rejected++;
                    problems.add(items.documents().get(i).url() + ": " + w.reason());
                }
            }
        }
        if (created > 0) {
            index.awaitIndexed(writer.maxSeq(), java.time.Duration.ofSeconds(30));
        }
        return new FetchOutcome(source.id, at, created, duplicates, rejected, null, false,
                items.documents().size() + items.rejected(), ids, problems.size() > 50 ? problems.subList(0, 50) : problems);
    }

    /** A failure of the whole fetch, with the server's Retry-After when it gave one. */
    static final class SourceFailure extends Exception {
        final Duration retryAfter;

        SourceFailure(String message) {
            this(message, null);
        }

        SourceFailure(String message, Duration retryAfter) {
            super(message);
            this.retryAfter = retryAfter;
        }
    }
}
