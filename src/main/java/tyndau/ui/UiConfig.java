package tyndau.ui;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Settings of the dashboard under {@code /ui/}. */
@ConfigMapping(prefix = "tyndau.ui")
public interface UiConfig {
    /** Days of attention drawn for each topic on the overview, ending on the newest document's day. */
    @WithName("overview-days")
    @WithDefault("90")
    int overviewDays();
}
