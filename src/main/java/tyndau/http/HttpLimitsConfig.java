package tyndau.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Request body limits per route (docs/operate.md, "Security"). */
@ConfigMapping(prefix = "tyndau.http")
public interface HttpLimitsConfig {
    /** Bytes a JSON body (topics, sources, rules, …) may have; 413 beyond. The import and /api/analyze have their own. */
    @WithName("max-json-body")
    @WithDefault("1048576")
    long maxJsonBody();
}
