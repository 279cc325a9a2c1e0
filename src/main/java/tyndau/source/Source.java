package tyndau.source;

import tyndau.Row;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/** A registered source: where documents come from, with what role, and how healthy fetching it is. */
@Entity
@Table(name = "source")
public class Source extends Row {
    /** The row with this id, or null. */
    public static Source findById(String id) {
        return find(Source.class, id);
    }


    /** Source ids appear in URLs, CSV files and queries: keep them to a slug. */
    public static final Pattern ID_PATTERN = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    @Id
    public String id;

    public String name;

    /** rss, atom, html, or archive for sources that only arrive through imports. */
    public String type;

    public String url;

    @Enumerated(EnumType.STRING)
    public SourceRole role;

    public String language;

    @Column(name = "time_zone")
    public String timeZone;

    /** ISO-8601 duration, e.g. PT30M. */
    @Column(name = "poll_interval")
    public String pollInterval;

    public boolean enabled;

    /** CSS selectors for html sources, as a JSON object. */
    public String selectors;

    @Column(name = "consecutive_failures")
    public int consecutiveFailures;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "last_success_at")
    public Instant lastSuccessAt;

    @Column(name = "next_fetch_at")
    public Instant nextFetchAt;

    public boolean suspended;

    public String etag;

    @Column(name = "last_modified")
    public String lastModified;

    @Column(name = "body_hash")
    public String bodyHash;

    @Column(name = "created_at")
    public Instant createdAt;

    /** What the last fetch brought, as JSON: {"new","duplicates","rejected","error",…}. */
    @Column(name = "last_outcome")
    public String lastOutcome;

    /** Changed through the API: feeds/sources.yml no longer overwrites it. */
    public boolean edited;

    /** Deleted through the API: kept (its documents refer to it) but hidden and never polled. */
    public boolean deleted;

    public static Optional<Source> byId(String id) {
        return Optional.ofNullable(findById(id));
    }

    /** A source first seen in an import line: known by its id and role only, never polled. */
    public static Source fromImport(String id, SourceRole role, String language) {
        Source s = new Source();
        s.id = id;
        s.name = id;
        s.type = "archive";
        s.role = role;
        s.language = language;
        s.timeZone = "UTC";
        s.pollInterval = "PT1H";
        s.enabled = false;
        s.createdAt = Instant.now();
        return s;
    }
}
