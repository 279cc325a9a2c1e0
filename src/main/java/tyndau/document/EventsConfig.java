package tyndau.document;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** Events (issue 31): one happening, many reports; the writer gives every new document its event. */
@ConfigMapping(prefix = "tyndau.events")
public interface EventsConfig {
    /** Whether the writer assigns events; off, new documents get none (for measuring the import's speed without them). */
    @WithDefault("true")
    boolean enabled();

    /** The zone reports are read in: "yesterday" and "on Monday" are resolved in the publication's day there. */
    @WithDefault("Asia/Almaty")
    ZoneId zone();
}
