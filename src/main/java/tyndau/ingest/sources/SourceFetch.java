package tyndau.ingest.sources;

import tyndau.document.Documents;


import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import tyndau.TyndauConfig;
import tyndau.document.Hashes;
import tyndau.document.NewDocument;
import tyndau.document.WriteOutcome;
import tyndau.ingest.CanonicalUrl;
import tyndau.ingest.Normaliser;
import tyndau.ingest.Pipeline;
import tyndau.fetch.FetchException;
import tyndau.fetch.Fetched;
import tyndau.fetch.SafeFetcher;
import tyndau.ingest.scrape.Article;
import tyndau.ingest.scrape.ArticleExtractor;
import tyndau.ingest.scrape.Selectors;
import tyndau.source.Source;

/**
 * One fetch of one source: bytes through {@link SafeFetcher}, parsed as a feed or as a list page
 * and its articles, normalised, deduplicated and stored by {@link Pipeline}; then the
 * source's health is updated ({@link SourceHealth}). A failure of the source is an outcome with an
 * error, never an exception; a failure of one article costs only that article.
 */
@ApplicationScoped
class SourceFetch {
    private static final Logger LOG = Logger.getLogger(SourceFetch.class);

    private final SafeFetcher fetcher;
    private final Pipeline pipeline;
    private final RobotsPolicy robots;
    private final FeedItems feedItems;
    private final SourceHealth health;
    private final TyndauConfig config;
    private final ObjectMapper json;
    private final PendingLinks pending;
    private final Canonicals canonicals;

    SourceFetch(SafeFetcher fetcher, Pipeline pipeline, RobotsPolicy robots, FeedItems feedItems, SourceHealth health,
                TyndauConfig config, ObjectMapper json, PendingLinks pending) {
        this.pending = pending;
        this.fetcher = fetcher;
        this.pipeline = pipeline;
        this.robots = robots;
        this.feedItems = feedItems;
        this.health = health;
        this.config = config;
        this.json = json;
        this.canonicals = new Canonicals(config.polling().canonicalAliases().orElse(List.of()));
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
            RobotsPolicy.Refusal refused = source.type.equals("html") ? robots.refusal(uri) : null;
            if (refused != null) {
                throw new SourceFailure(refused.reason());
            }
            first = fetcher.fetch(new SafeFetcher.Request(uri, source.etag, source.lastModified, source.bodyHash));
            if (first.status() >= 400) {
                throw new SourceFailure("HTTP " + first.status() + " from " + first.finalUri(), first.retryAfter());
            }
            boolean html = source.type.equals("html");
            if (first.unchanged() && !(html && pending.anyDue(source.id, at))) {
                outcome = FetchOutcome.unchanged(source.id, at);
            } else if (html) {
                // An unchanged list page still lets the links the source owes be fetched.
                outcome = store(source, at, articles(source, first.unchanged() ? null : first, at));
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

    /**
     * Items of a fetch, before storage: documents to write, what was refused already, and (html) the link each
     * document was read from and the pending links' changes so far; a document's link is settled once it is stored.
     */
    record Items(List<NewDocument> documents, int rejected, List<String> problems, List<PendingLinks.Pending> readFrom,
                 PendingLinks.Changes links) {
    }

    /**
     * The articles of an html source: first the links it owes that are due (oldest first), then the new
     * links of the list page ({@code list} null when the page did not change), at most {@code max-articles};
     * the rest wait in its pending links. A link that failed for a reason that may pass is tried again
     * later, each time after a longer wait, up to {@code max-link-attempts}.
     */
    private Items articles(Source source, Fetched list, Instant now) throws SourceFailure {
        Selectors selectors = selectors(source);
        int max = config.polling().maxArticles();
        Map<String, PendingLinks.Pending> candidates = new LinkedHashMap<>();
        pending.due(source.id, now, max).forEach(p -> candidates.put(p.uri().toString(), p));
        Set<String> owedByThisRun = new HashSet<>(candidates.keySet());
        if (list != null) {
            List<URI> links = ArticleExtractor.links(list.body(), list.contentType(), list.finalUri(),
                    selectors == null ? null : selectors.links());
            if (links.isEmpty()) {
                throw new SourceFailure("the list page has no article links"
                        + (selectors != null && selectors.links() != null ? " (selector '" + selectors.links() + "')" : ""));
            }
            Set<String> waiting = pending.all(source.id);
            for (URI l : links) {
                // a link owed and not due yet keeps its wait
                if (!waiting.contains(l.toString())) {
                    candidates.putIfAbsent(l.toString(), new PendingLinks.Pending(l, 0));
                }
            }
        }
        Set<URI> fresh = new HashSet<>(unseen(candidates.values().stream().map(PendingLinks.Pending::uri).toList()));
        PendingLinks.Changes changes = new PendingLinks.Changes();
        List<PendingLinks.Pending> todo = new ArrayList<>();
        for (PendingLinks.Pending p : candidates.values()) {
            if (fresh.contains(p.uri())) {
                todo.add(p);
            } else if (owedByThisRun.contains(p.uri().toString())) {
                changes.done.add(p.uri()); // stored meanwhile (another source, an import)
            }
        }
        List<NewDocument> docs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        int[] rejected = {0};
        ZoneId zone = ZoneId.of(source.timeZone);
        List<Article> read = new ArrayList<>();
        List<PendingLinks.Pending> readLinks = new ArrayList<>();
        List<URI> readFrom = new ArrayList<>();
        Duration interval = SourceHealth.interval(source);
        LinkFailure fail = (p, error, mayPass) -> {
            int attempts = p.attempts() + 1;
            if (mayPass && attempts < config.polling().maxLinkAttempts()) {
                Instant due = now.plus(SourceHealth.backoff(interval, attempts, config.polling().maxBackoff()));
                changes.retries.add(new PendingLinks.Changes.Retry(p.uri(), attempts, due, error));
                problems.add(p.uri() + ": " + error + " (try " + attempts + " of " + config.polling().maxLinkAttempts()
                        + "; again after " + due + ")");
                return;
            }
            rejected[0]++;
            changes.done.add(p.uri());
            problems.add(p.uri() + ": " + error + (mayPass ? " (given up after " + attempts + " tries)" : ""));
        };
        for (PendingLinks.Pending p : todo.subList(0, Math.min(todo.size(), max))) {
            URI link = p.uri();
            try {
                RobotsPolicy.Refusal refused = robots.refusal(link);
                if (refused != null) {
                    fail.record(p, refused.reason(), refused.mayPass());
                    continue;
                }
                Fetched page = fetcher.fetch(SafeFetcher.Request.of(link));
                if (page.status() >= 400) {
                    fail.record(p, "HTTP " + page.status(), page.status() >= 500 || page.status() == 408 || page.status() == 429);
                    continue;
                }
                Article a = ArticleExtractor.extract(page.body(), page.contentType(), page.finalUri(), selectors, zone, Instant.now());
                if (a.title() == null || a.title().isBlank()) {
                    rejected[0]++;
                    changes.done.add(link);
                    problems.add(link + ": no title found");
                    continue;
                }
                read.add(a);
                readLinks.add(p);
                readFrom.add(page.finalUri());
            } catch (FetchException e) {
                fail.record(p, e.getMessage(), e.mayPass());
            } catch (RuntimeException e) {
                fail.record(p, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage(), false);
            }
        }
        for (PendingLinks.Pending later : todo.subList(Math.min(todo.size(), max), todo.size())) {
            changes.waiting.add(later.uri());
        }
        // A canonical claimed by several pages of this run is nobody's (docs/operate.md, "Security": rel=canonical).
        Map<String, Integer> claims = new HashMap<>();
        read.forEach(a -> {
            if (a.canonicalUrl() != null) {
                claims.merge(a.canonicalUrl(), 1, Integer::sum);
            }
        });
        List<PendingLinks.Pending> docLinks = new ArrayList<>();
        for (int i = 0; i < read.size(); i++) {
            Article a = read.get(i);
            URI from = readFrom.get(i);
            String url = canonicals.choose(a.canonicalUrl(), from, list == null ? URI.create(source.url) : list.finalUri(), claims);
            if (a.canonicalUrl() != null && !url.equals(a.canonicalUrl())) {
                problems.add(from + ": rel=canonical " + a.canonicalUrl() + " not taken (another site, the site's root, the list page,"
                        + " or claimed by several pages); stored under its own address");
            }
            Normaliser.Result r = Pipeline.normalise(new Normaliser.Raw(source.id, source.role, url, null, a.title(), a.text(),
                    a.bodyHtml(), a.published(), Instant.now(), null, a.language(), source.language), false);
            if (r.warning() != null) {
                problems.add(from + ": " + r.warning());
            }
            if (r.document() == null) {
                rejected[0]++;
                changes.done.add(readLinks.get(i).uri());
                problems.add(from + ": " + r.reason());
                continue;
            }
            a.warnings().forEach(w -> problems.add(from + ": " + w));
            docs.add(r.document());
            docLinks.add(readLinks.get(i));
        }
        if (!changes.waiting.isEmpty()) {
            problems.add(changes.waiting.size() + " more new links wait for the next run");
        }
        return new Items(docs, rejected[0], problems, docLinks, changes);
    }

    /** What a failed link becomes: tried again later when the failure may pass, else refused. */
    @FunctionalInterface
    private interface LinkFailure {
        void record(PendingLinks.Pending link, String error, boolean mayPass);
    }

    /** Links whose canonical URL is not stored yet, in page order. */
    private static List<URI> unseen(List<URI> links) {
        Set<String> hashes = new HashSet<>();
        for (URI l : links) {
            CanonicalUrl.of(l.toString()).ifPresent(c -> hashes.add(Hashes.sha256(c)));
        }
        if (hashes.isEmpty()) {
            return List.of();
        }
        Set<String> known = QuarkusTransaction.requiringNew().call(() -> Documents.knownUrlHashes(hashes));
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
        List<WriteOutcome> written = pipeline.storeEach(items.documents());
        int created = 0;
        int duplicates = 0;
        int rejected = items.rejected();
        int notStored = 0;
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
                case FAILED -> {
                    notStored++;
                    problems.add(items.documents().get(i).url() + ": " + w.reason() + "; fetched again on the next run");
                }
            }
            if (items.links() != null) {
                // A link is done once its document is stored or refused. One the database failed to store stays
                // owed, due at once; the try is not counted against it, since the link did nothing wrong.
                PendingLinks.Pending link = items.readFrom().get(i);
                if (w.kind() == WriteOutcome.Kind.FAILED) {
                    items.links().retries.add(new PendingLinks.Changes.Retry(link.uri(), link.attempts(), at, w.reason()));
                } else {
                    items.links().done.add(link.uri());
                }
            }
        }
        if (created > 0) {
            pipeline.awaitSearchable(java.time.Duration.ofSeconds(30));
        }
        // After the documents are stored: a crash in between leaves the links owed, and the next run finds them stored.
        // A feed owes the items the database failed to store: its validators wait for them (SourceHealth).
        long owed = items.links() == null ? notStored : pending.apply(source.id, items.links(), at);
        return new FetchOutcome(source.id, at, created, duplicates, rejected, null, false,
                items.documents().size() + items.rejected(), ids, problems.size() > 50 ? problems.subList(0, 50) : problems, owed);
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
