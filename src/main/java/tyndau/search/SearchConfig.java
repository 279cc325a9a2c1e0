package tyndau.search;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Search limits (docs/operate.md, "Security"). */
@ConfigMapping(prefix = "tyndau.search")
public interface SearchConfig {
    /** A search (hits, count, facets) stops after this long and answers with what it found, marked partial. */
    @WithDefault("5s")
    Duration timeout();

    /**
     * Searches and topic previews running at once on this instance (with or without the key). Each can hold a
     * core for the whole timeout, so a few more than the cores is enough; more wait their turn.
     */
    @WithDefault("8")
    int maxConcurrent();

    /** How long a search waits for a turn when {@link #maxConcurrent()} run; then a 503 with Retry-After. */
    @WithDefault("5s")
    Duration maxWait();
}
