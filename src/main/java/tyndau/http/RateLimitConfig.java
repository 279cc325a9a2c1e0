package tyndau.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.util.List;

/**
 * A rate limit per client address on the reads that cost the most (docs/operate.md, "Security"). Behind
 * a reverse proxy set {@code quarkus.http.proxy.proxy-address-forwarding=true} and the proxies in
 * {@code quarkus.http.proxy.trusted-proxies} (ForwardingGuard refuses the one without the other) so the address is the
 * client's, not the proxy's.
 */
@ConfigMapping(prefix = "tyndau.rate-limit")
public interface RateLimitConfig {
    /** Requests per minute one address may make to {@link #paths()}, on average; 0 turns the limit off. */
    @WithName("per-minute")
    @WithDefault("600")
    int perMinute();

    /** Requests one address may make at once before the average applies (a dashboard page asks for several). */
    @WithDefault("120")
    int burst();

    /** Path prefixes the limit covers. */
    @WithDefault("/api/search,/api/export,/api/timeline,/api/responsiveness,/api/documents,/api/topics/preview")
    List<String> paths();

    /** Addresses remembered at most; beyond that, addresses whose allowance is whole again are forgotten. */
    @WithName("max-clients")
    @WithDefault("100000")
    int maxClients();
}
