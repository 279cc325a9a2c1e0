package tyndau.http;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * A token bucket per client address on the expensive reads: {@code burst} requests at once, refilled at
 * {@code per-minute}; beyond it a 429 with {@code Retry-After}. A caller with the API key is not limited
 * (the key is the operator's, and scripts that export in bulk hold it).
 */
class RateLimit {
    private final RateLimitConfig config;
    private final ApiKey apiKey;
    private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

    RateLimit(RateLimitConfig config, ApiKey apiKey) {
        this.config = config;
        this.apiKey = apiKey;
    }

    @ServerRequestFilter(preMatching = true)
    Response limit(ContainerRequestContext request, HttpServerRequest http) {
        if (config.perMinute() <= 0 || !covered(request.getUriInfo().getPath())) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && apiKey.matches(header.substring(7))) {
            return null;
        }
        SocketAddress remote = http.remoteAddress();
        String client = clientKey(remote == null ? null : remote.hostAddress());
        long now = System.nanoTime();
        if (buckets.size() >= config.maxClients() && !buckets.containsKey(client)) {
            buckets.values().removeIf(b -> b.whole(now));
            if (buckets.size() >= config.maxClients()) {
                client = OVERFLOW; // still full: newcomers share one allowance rather than grow the map
            }
        }
        long waitNanos = buckets.computeIfAbsent(client, c -> new Bucket(config.burst(), now)).take(now);
        if (waitNanos == 0) {
            return null;
        }
        long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
        return Response.status(429)
                .header("Retry-After", seconds)
                .entity(new ApiError("too many requests", "this address made more than " + config.perMinute()
                        + " requests a minute (burst " + config.burst() + ") to the expensive reads "
                        + "(tyndau.rate-limit.per-minute, tyndau.rate-limit.burst); try again in " + seconds + " s"))
                .type("application/json")
                .build();
    }

    private static final String OVERFLOW = "overflow";

    /**
     * The allowance's key: an IPv4 address, or an IPv6 address's /64 (one subscriber holds a whole /64,
     * so keying on full IPv6 addresses would give one client 2^64 allowances).
     */
    static String clientKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            byte[] a = java.net.InetAddress.getByName(address.replaceAll("^\\[|\\]$|%.*$", "")).getAddress();
            if (a.length == 4) {
                return java.net.InetAddress.getByAddress(a).getHostAddress(); // an IPv4-mapped address
            }
            return java.util.HexFormat.of().formatHex(a, 0, 8) + "::/64";
        } catch (java.net.UnknownHostException notAnAddress) {
            return address;
        }
    }

    private boolean covered(String path) {
        for (String p : config.paths()) {
            if (path.equals(p) || path.startsWith(p.endsWith("/") ? p : p + "/")) {
                return true;
            }
        }
        return false;
    }

    /** Tokens refilled continuously at per-minute / 60 s, up to burst. */
    private final class Bucket {
        private double tokens;
        private long at;

        Bucket(double tokens, long at) {
            this.tokens = tokens;
            this.at = at;
        }

        /** Takes a token and answers 0, or answers the nanoseconds until one is available. */
        synchronized long take(long now) {
            refill(now);
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return (long) Math.ceil((1 - tokens) * nanosPerToken());
        }

        synchronized boolean whole(long now) {
            refill(now);
            return tokens >= config.burst();
        }

        private void refill(long now) {
            tokens = Math.min(config.burst(), tokens + (now - at) / nanosPerToken());
            at = now;
        }

        private double nanosPerToken() {
            return 60e9 / config.perMinute();
        }
    }
}
