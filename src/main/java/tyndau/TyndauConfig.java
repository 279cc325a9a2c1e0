package tyndau;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The service-wide settings (the public contract's {@code tyndau.*} keys); docs/operate.md, "Configure", lists them. */
@ConfigMapping(prefix = "tyndau")
public interface TyndauConfig {

    /** Directory for all run-time state: {@code index/}, the embedded database {@code db/} and {@code api-key}. */
    @WithDefault(".")
    Path home();

    /** Bearer token required by every write endpoint; generated into {@code $TYNDAU_HOME/api-key} when absent. */
    @WithName("api-key")
    Optional<String> apiKey();

    /** Directory holding {@code sources.yml}, {@code topics.yml} and {@code archive/}. */
    @WithName("feeds-dir")
    @WithDefault("feeds")
    Path feedsDir();

    Demo demo();

    Polling polling();

    Fetch fetch();

    Sides sides();

    /** Bulk import settings. */
    @WithName("import")
    Import imports();

    Topics topics();

    /** The Lucene index under {@code tyndau.home}, derived from the database. */
    Index index();

    /** The index keeps up with the database. */
    interface Index {
        /**
         * How often the index looks for rows it does not hold yet, besides those its own instance hands over:
         * rows written through another instance on the same database (docs/operate.md).
         */
        @WithDefault("1s")
        java.time.Duration poll();
    }

    /** Instances sharing one PostgreSQL (docs/operate.md). */
    Cluster cluster();

    interface Cluster {
        /**
         * How often an instance writes its row, tries to take the singleton jobs nobody holds, and at most how
         * long a message from another instance waits; a dead instance's jobs move within about this long.
         */
        @WithDefault("2s")
        java.time.Duration heartbeat();
    }

    /** The database, chosen at start by {@link DatabaseChoice}. */
    Db db();

    /** PostgreSQL instead of the embedded H2 (docs/operate.md, "PostgreSQL"). */
    interface Db {
        /** A {@code jdbc:postgresql://} URL ({@code TYNDAU_DB_URL}); unset: the embedded H2 under {@code tyndau.home}. */
        Optional<String> url();

        /** {@code TYNDAU_DB_USER}. */
        Optional<String> user();

        /** {@code TYNDAU_DB_PASSWORD}. */
        Optional<String> password();

        /** Which one this start uses, {@code h2} or {@code postgresql}: derived from {@link #url()}, never set by hand. */
        @WithDefault("h2")
        String kind();
    }

    /** Topics: every document pays for each one when it is read. */
    interface Topics {
        /** Topics kept at most; creating one more is refused (409). */
        @WithDefault("200")
        int max();
    }

    /** The bundled offline archive. */
    interface Demo {
        /** Import {@code feeds/archive/*.jsonl} on start when the database holds no document. */
        @WithDefault("true")
        boolean enabled();
    }

    /** Live sources: the poller (tyndau.ingest.SourcePoller) and source health. */
    interface Polling {
        /** Poll enabled live sources on their schedules. */
        @WithDefault("true")
        boolean enabled();

        /** How often the poller looks for sources that are due. */
        @WithDefault("30s")
        java.time.Duration tick();

        /** Sources fetched at the same time at most (a bounded pool: a slow source holds one thread, not the others). */
        @WithDefault("4")
        int threads();

        /** Consecutive failures after which a source is suspended (kept, not polled; re-enable it with PUT). */
        @WithName("max-failures")
        @WithDefault("10")
        int maxFailures();

        /** Longest wait after failures: the poll interval doubles per consecutive failure up to this. */
        @WithName("max-backoff")
        @WithDefault("24h")
        java.time.Duration maxBackoff();

        /** Article pages fetched at most per run of an html source (the rest wait in its pending links). */
        @WithName("max-articles")
        @WithDefault("30")
        int maxArticles();

        /**
         * Tries of an article link that failed for a reason that may pass (5xx, 408, 429, a timeout, robots.txt
         * unreachable), each after a longer wait, before it is given up.
         */
        @WithName("max-link-attempts")
        @WithDefault("8")
        int maxLinkAttempts();

        /**
         * Hosts that are one site, each group's hosts separated by spaces (e.g. {@code m.example.kz example.kz}): a
         * page on one may give another as its {@code rel=canonical}. Otherwise only its own host may be claimed.
         */
        @WithName("canonical-aliases")
        Optional<List<String>> canonicalAliases();
    }

    /** The fetcher's network guard (issue "Ingestion": SafeFetcher reads this key). */
    interface Fetch {
        /** Allow fetching from loopback and private addresses (tests and intranet sources only). */
        @WithName("allow-private-networks")
        @WithDefault("false")
        boolean allowPrivateNetworks();

        /** Time allowed to open a connection. */
        @WithName("connect-timeout")
        @WithDefault("10s")
        java.time.Duration connectTimeout();

        /** Time allowed for a whole fetch, redirects and a slowly trickled body included. */
        @WithDefault("60s")
        java.time.Duration deadline();

        /** Largest body kept, counted after gzip/deflate decompression. */
        @WithName("max-bytes")
        @WithDefault("10485760")
        long maxBytes();

        /** Redirects followed at most. */
        @WithName("max-redirects")
        @WithDefault("5")
        int maxRedirects();

        /** Where site owners can read about the crawler; sent in the User-Agent. */
        @WithName("contact-url")
        @WithDefault("https://github.com/tyndau/tyndau")
        String contactUrl();

        /** Requests in flight at most per host. */
        @WithName("per-host-concurrency")
        @WithDefault("2")
        int perHostConcurrency();

        /** Smallest pause between two requests to one host. */
        @WithName("per-host-delay")
        @WithDefault("1s")
        java.time.Duration perHostDelay();
    }

    /** Which source roles make up the two sides compared (docs/architecture.md, "Sides come from sources"). */
    interface Sides {
        /** Roles counted as the public. */
        @WithName("public")
        @WithDefault("independent_media,international_media,civil_society,social")
        List<String> publicRoles();

        /** Roles counted as the government. */
        @WithName("government")
        @WithDefault("government")
        List<String> governmentRoles();
    }

    /** Bulk import ({@code POST /api/import} and the archive). */
    interface Import {
        /** Lines committed per database transaction. */
        @WithName("batch-size")
        @WithDefault("500")
        int batchSize();

        /** A batch is also committed once its lines hold this many characters (500 lines of 1 MB would not fit in memory). */
        @WithName("batch-chars")
        @WithDefault("8000000")
        int batchChars();

        /** A line longer than this many characters is rejected (and skipped without being held in memory). */
        @WithName("max-line-chars")
        @WithDefault("2000000")
        int maxLineChars();

        /** At most this many per-line errors are listed in an answer; all are counted. */
        @WithName("max-reported-errors")
        @WithDefault("1000")
        int maxReportedErrors();
    }
}
