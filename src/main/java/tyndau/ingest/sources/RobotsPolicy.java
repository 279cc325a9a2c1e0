package tyndau.ingest.sources;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tyndau.fetch.FetchException;
import tyndau.fetch.Fetched;
import tyndau.fetch.SafeFetcher;

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

    /** Rules for an origin, until when to keep them, and why everything is refused when the file could not be read. */
    private record Cached(RobotsTxt rules, Instant until, String unreadable) {
    }

    private final SafeFetcher fetcher;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    RobotsPolicy(SafeFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /** Why a URL is not fetched, in words for the source's health; {@code mayPass} when robots.txt could not be read. */
    record Refusal(String reason, boolean mayPass) {
    }

    /** Null when {@code uri} may be fetched; otherwise why not. */
    Refusal refusal(URI uri) {
        String origin = uri.getScheme() + "://" + uri.getRawAuthority();
        Cached c = cache.get(origin);
        if (c == null || Instant.now().isAfter(c.until())) {
            c = load(origin);
            cache.put(origin, c);
        }
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        if (c.rules().allows(path)) {
            return null;
        }
        return c.unreadable() != null
                ? new Refusal(origin + "/robots.txt could not be read (" + c.unreadable() + "): nothing is fetched from there until "
                        + c.until(), true)
                : new Refusal("robots.txt disallows " + uri, false);
    }

    private Cached load(String origin) {
        try {
            Fetched f = fetcher.fetch(SafeFetcher.Request.of(URI.create(origin + "/robots.txt")));
            if (f.status() >= 200 && f.status() < 300) {
                return new Cached(RobotsTxt.parse(f.body(), AGENT_TOKEN), Instant.now().plus(KEEP), null);
            }
            if (f.status() >= 400 && f.status() < 500) {
                return new Cached(RobotsTxt.ALLOW_ALL, Instant.now().plus(KEEP), null);
            }
            return new Cached(RobotsTxt.DISALLOW_ALL, Instant.now().plus(KEEP_UNREACHABLE), "HTTP " + f.status());
        } catch (FetchException e) {
            return new Cached(RobotsTxt.DISALLOW_ALL, Instant.now().plus(KEEP_UNREACHABLE), e.getMessage());
        }
    }
}
