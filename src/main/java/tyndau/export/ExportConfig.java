package tyndau.export;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Export limits (docs/operate.md, "Security"). */
@ConfigMapping(prefix = "tyndau.export")
public interface ExportConfig {
    /** Document exports streaming at once; one more is answered 429 with {@code Retry-After}. */
    @WithName("max-concurrent")
    @WithDefault("4")
    int maxConcurrent();

    /** Of those, how many one client address may run at once (six stalled requests from one address took every slot). */
    @WithName("max-per-address")
    @WithDefault("2")
    int maxPerAddress();

    /**
     * A client that has not taken what was written to it for this long is dropped (its connection closed at once, the
     * export's thread freed) and its slot given back (a reader that never reads would hold a slot for good).
     */
    @WithName("stall-timeout")
    @WithDefault("30s")
    java.time.Duration stallTimeout();

    /** Ids read from the index at a time: memory holds one page of ids, whatever the number of matches. */
    @WithName("page-size")
    @WithDefault("10000")
    int pageSize();
}
