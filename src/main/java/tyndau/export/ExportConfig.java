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

    /** Ids read from the index at a time: memory holds one page of ids, whatever the number of matches. */
    @WithName("page-size")
    @WithDefault("10000")
    int pageSize();
}
