package tyndau.ingest.sources;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tyndau.ingest.fetch.FetchException;
import tyndau.ingest.fetch.Fetched;
import tyndau.ingest.fetch.SafeFetcher;

/**
 * robots.txt for html sources, per origin, cached for a day (RFC 9309): a 4xx answer allows
 * everything; a 5xx answer or an unreachable file disallows everything for an hour (the RFC's
 * "complete disallow" when the server cannot say).
 */
@ApplicationScoped
class RobotsPolicy {
    static final String AGENT_TOKEN = "tyndau";
    private static final Duration KEEP = Duration.ofHours(24);
    private static final Duration KEEP_UNREACHABLE = Duration.ofHours(1);

    private record Cached(RobotsTxt rules, Instant until) {
    }

    private final SafeFetcher fetcher;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    RobotsPolicy(SafeFetcher fetcher) {
        this.fetcher = fetcher;
    }

    boolean allows(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        Cached c = cache.get(origin);
        if (c == null || Instant.now().isAfter(c.until())) {
            c = load(origin);
            cache.put(origin, c);
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        return c.rules().allows(path);
    }

    private Cached load(String origin) {
        try {
            Fetched f = fetcher.fetch(SafeFetcher.Request.of(URI.create(origin + "/robots.txt")));
            if (f.status() >= 200 && f.status() < 300) {
                return new Cached(RobotsTxt.parse(f.body(), AGENT_TOKEN), Instant.now().plus(KEEP));
            }
            if (f.status() >= 400 && f.status() < 500) {
                return new Cached(RobotsTxt.ALLOW_ALL, Instant.now().plus(KEEP));
            }
            return new Cached(RobotsTxt.DISALLOW_ALL, Instant.now().plus(KEEP_UNREACHABLE));
        } catch (FetchException e) {
            return new Cached(RobotsTxt.DISALLOW_ALL, Instant.now().plus(KEEP_UNREACHABLE));
        }
    }
}
