package tyndau.source;

import tyndau.Row;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import tyndau.TyndauConfig;
import tyndau.YamlDefaults;
import tyndau.http.ApiException;

/**
 * The source registry: defaults from {@code feeds/sources.yml} on start (inserted when missing,
 * updated while nobody has edited them through the API, never duplicated), and the API's edits.
 * Deleting keeps the row (documents refer to it) as a tombstone that is hidden and never polled.
 */
@ApplicationScoped
public class SourceRegistry {
    private static final Logger LOG = Logger.getLogger(SourceRegistry.class);

    private final TyndauConfig config;

    private final jakarta.enterprise.event.Event<RoleChanged> roleChanged;

    SourceRegistry(TyndauConfig config, jakarta.enterprise.event.Event<RoleChanged> roleChanged) {
        this.config = config;
        this.roleChanged = roleChanged;
    }

    /** Before the archive import (priority 20 and later) so that archive lines meet their registered source. */
    void onStart(@Observes @Priority(5) StartupEvent start) {
        YamlDefaults.loadOnStart(config.feedsDir().resolve("sources.yml"), "sources", SourceRegistry::parse, SourceRegistry::storeDefault);
    }

    int loadDefaults(Path file) throws IOException {
        return YamlDefaults.load(file, "sources", SourceRegistry::parse, SourceRegistry::storeDefault);
    }

    private static SourceInput parse(JsonNode node) {
        SourceInput in = new SourceInput(text(node, "id"), text(node, "name"), text(node, "type"), text(node, "url"),
                text(node, "role"), text(node, "language"), text(node, "timeZone"), text(node, "pollInterval"),
                node.has("enabled") ? node.get("enabled").asBoolean(true) : null, node.get("selectors"));
        in.validate();
        return in;
    }

    /** A default is inserted when missing and updated while nobody has edited or deleted it through the API. */
    private static void storeDefault(SourceInput in) {
        Source existing = Source.findById(in.id());
        if (existing == null) {
            Source s = new Source();
            s.createdAt = Instant.now();
            in.applyTo(s);
            s.persist();
        } else if (!existing.edited && !existing.deleted) {
            in.applyTo(existing);
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Every source not deleted, by id. */
    public List<Source> list() {
        return QuarkusTransaction.joiningExisting().call(() -> Row.list(Source.class, "deleted = false order by id"));
    }

    public Optional<Source> find(String id) {
        return QuarkusTransaction.joiningExisting().call(() -> Optional.ofNullable(Source.findById(id)).filter(s -> !s.deleted));
    }

    /** Creates a source; 409 when the id is taken (PUT changes an existing one). */
    public Source create(SourceInput in) {
        in.validate();
        return QuarkusTransaction.requiringNew().call(() -> {
            Source existing = Source.findById(in.id());
            if (existing != null && !existing.deleted) {
                throw ApiException.conflict("source '" + in.id() + "' exists; PUT /api/sources/" + in.id() + " changes it");
            }
            Source s = existing != null ? existing : new Source();
            if (existing == null) {
                s.createdAt = Instant.now();
            }
            in.applyTo(s);
            resetHealth(s);
            s.deleted = false;
            s.edited = true;
            s.persist();
            return s;
        });
    }

    /** Creates or replaces {@code id}; a changed URL or a re-enabled source starts with clean health. */
    public Source put(String id, SourceInput in) {
        if (in.id() != null && !in.id().equals(id)) {
            throw ApiException.badRequest("'id' in the body (" + in.id() + ") differs from the path (" + id + ")");
        }
        SourceInput withId = new SourceInput(id, in.name(), in.type(), in.url(), in.role(), in.language(), in.timeZone(),
                in.pollInterval(), in.enabled(), in.selectors());
        withId.validate();
        SourceRole[] was = new SourceRole[1];
        Source stored = QuarkusTransaction.requiringNew().call(() -> {
            Source s = Source.findById(id);
            boolean isNew = s == null;
            was[0] = isNew ? null : s.role;
            if (isNew) {
                s = new Source();
                s.createdAt = Instant.now();
            }
            String oldUrl = s.url;
            boolean wasOff = !s.enabled || s.suspended || s.deleted;
            withId.applyTo(s);
            if (isNew || wasOff && s.enabled || !java.util.Objects.equals(oldUrl, s.url)) {
                resetHealth(s);
            }
            s.deleted = false;
            s.edited = true;
            if (isNew) {
                s.persist();
            }
            return s;
        });
        if (was[0] != null && was[0] != stored.role) {
            // After the commit: the documents are re-drawn with the role the database now holds.
            roleChanged.fire(new RoleChanged(id, was[0], stored.role));
        }
        return stored;
    }

    /** Tombstones {@code id}; false when there is no such source. */
    public boolean delete(String id) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Source s = Source.findById(id);
            if (s == null || s.deleted) {
                return false;
            }
            s.deleted = true;
            s.enabled = false;
            s.edited = true;
            s.nextFetchAt = null;
            return true;
        });
    }

    private static void resetHealth(Source s) {
        s.consecutiveFailures = 0;
        s.suspended = false;
        s.lastError = null;
        s.nextFetchAt = null;
        s.etag = null;
        s.lastModified = null;
        s.bodyHash = null;
    }
}
