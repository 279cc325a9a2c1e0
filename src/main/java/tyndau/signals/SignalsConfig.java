package tyndau.signals;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.ZoneId;

/** Settings of timelines and episodes. */
@ConfigMapping(prefix = "tyndau.signals")
public interface SignalsConfig {
    /** Time zone in which days, weeks and months begin (per request: {@code zone=}). */
    @WithName("time-zone")
    @WithDefault("Asia/Almaty")
    ZoneId timeZone();

    /** Days shown when a request gives no range: this many, ending on the newest document's day. */
    @WithName("default-days")
    @WithDefault("365")
    int defaultDays();
}
