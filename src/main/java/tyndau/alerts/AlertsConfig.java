package tyndau.alerts;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.time.Duration;
import java.util.Optional;

/** Alerting settings ({@code tyndau.alerts.*}); docs/alerts.md, "Configuration", explains each. */
@ConfigMapping(prefix = "tyndau.alerts")
public interface AlertsConfig {

    /**
     * How old a trigger may be and still be news: a government document published longer ago, or
     * an episode that started (or went unanswered) longer ago, raises nothing outside the one-time
     * pass over history.
     */
    @WithName("news-age")
    @WithDefault("7d")
    Duration newsAge();

    /** Documents of one document rule and topic published within this time of the first one join its alert. */
    @WithName("group-window")
    @WithDefault("6h")
    Duration groupWindow();

    /** How often episode rules are evaluated on a schedule (imports trigger them too). */
    @WithName("evaluate-every")
    @WithDefault("10m")
    String evaluateEvery();

    /** Quiet time after newly indexed documents before episode rules are evaluated, so one import evaluates once. */
    @WithDefault("10s")
    Duration debounce();

    /**
     * The one-time pass over documents already stored: {@code demo} runs it once on the first start
     * that imports the bundled archive (an empty database with {@code tyndau.demo.enabled}); {@code never}
     * leaves history alone. Its alerts are marked historical and are never delivered.
     */
    @WithDefault("demo")
    String history();

    /** Where the dashboard is served, e.g. {@code https://tyndau.example.org}: makes links in e-mails absolute. */
    @WithName("public-url")
    Optional<String> publicUrl();

    /** Alert rules kept at most (each new document and each evaluation pays for every rule); creating one more is refused (409). */
    @WithName("max-rules")
    @WithDefault("200")
    int maxRules();

    /** Clients of the alert event stream at most; one more is answered 429 with Retry-After (each holds a connection). */
    @WithName("max-streams")
    @WithDefault("200")
    int maxStreams();

    /** Of those, how many one client address may hold (a dashboard tab holds one; an office behind one address, several). */
    @WithName("max-streams-per-address")
    @WithDefault("20")
    int maxStreamsPerAddress();

    /**
     * An alert event stream whose client has not taken an event (or a keepalive) written to it within this time is
     * dropped: its connection closed and its place given back (a client that opens a stream and never reads held its
     * place for good). It is noticed once what was written fills the buffers between (the kernel's on both sides).
     */
    @WithName("stream-stall-timeout")
    @WithDefault("30s")
    Duration streamStallTimeout();

    /** How often a comment is sent on idle alert streams, so proxies keep them open and dead clients are noticed. */
    @WithName("sse-keepalive")
    @WithDefault("30s")
    String sseKeepalive();

    Delivery delivery();

    /** Delivery of alerts to webhooks and e-mail. */
    interface Delivery {
        /** Attempts per alert and channel before the delivery is marked failed. */
        @WithDefault("6")
        int attempts();

        /** Wait after the first failed attempt; each further failure doubles it. */
        @WithName("initial-delay")
        @WithDefault("30s")
        Duration initialDelay();

        /** Longest wait between two attempts (a Retry-After answer is honoured up to this). */
        @WithName("max-delay")
        @WithDefault("30m")
        Duration maxDelay();

        /** How often due deliveries are looked for (a new alert is sent at once; this drives the retries). */
        @WithDefault("5s")
        String poll();
    }
}
