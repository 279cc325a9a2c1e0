package tyndau.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import tyndau.http.ApiException;

/**
 * The registry against the real database (H2, and PostgreSQL in the persistence run): defaults from a
 * sources.yml followed until someone edits or deletes the source, tombstones, when health starts over,
 * and when a role change is announced. Ids carry a run id: a kept PostgreSQL outlives runs.
 */
@QuarkusTest
@Tag("persistence")
class SourceRegistryTest {
    final String run = "r" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);

    @Inject
    SourceRegistry registry;

    @Inject
    RoleChanges roleChanges;

    String id(String name) {
        return run + "-" + name;
    }

    SourceInput rss(String name, String url, String role, Boolean enabled) {
        return new SourceInput(id(name), "Source " + name, "rss", url, role, "ru", "Asia/Almaty", "PT15M", enabled, null);
    }

    Source stored(String name) {
        return registry.find(id(name)).orElseThrow(() -> new AssertionError(id(name) + " is not in the registry"));
    }

    void change(String name, Consumer<Source> edit) {
        QuarkusTransaction.requiringNew().run(() -> edit.accept(Source.findById(id(name))));
    }

    Path yaml(String... entries) throws Exception {
        Path file = Files.createTempFile("sources-", ".yml");
        Files.writeString(file, "sources:\n" + String.join("", entries), StandardCharsets.UTF_8);
        return file;
    }

    String entry(String name, String title, String role) {
        return "  - id: " + id(name) + "\n    name: " + title + "\n    type: rss\n    url: https://example.org/" + run + "/" + name
                + "/rss\n    role: " + role + "\n";
    }

    @Test
    void defaultsAreFollowedUntilSomeoneEditsOrDeletesTheSource() throws Exception {
        assertEquals(3, registry.loadDefaults(yaml(entry("kept", "Kept", "government"), entry("edited", "Edited", "social"),
                entry("bad", "Bad", "press"), entry("deleted", "Deleted", "social"))), "the bad entry is skipped, the others load");
        assertTrue(registry.find(id("bad")).isEmpty());
        assertEquals(SourceRole.GOVERNMENT, stored("kept").role);
        assertFalse(stored("kept").edited);

        registry.put(id("edited"), new SourceInput(null, "Renamed by an editor", "rss", "https://example.org/" + run + "/edited/rss",
                "social", null, null, null, null, null));
        assertTrue(registry.delete(id("deleted")));

        assertEquals(3, registry.loadDefaults(yaml(entry("kept", "Kept v2", "independent_media"),
                entry("edited", "Edited v2", "social"), entry("deleted", "Deleted v2", "social"))));
        assertEquals("Kept v2", stored("kept").name, "an untouched default follows the file");
        assertEquals(SourceRole.INDEPENDENT_MEDIA, stored("kept").role);
        assertEquals("Renamed by an editor", stored("edited").name, "an edited one keeps the editor's version");
        assertTrue(registry.find(id("deleted")).isEmpty(), "a deleted one stays deleted");
        assertTrue(registry.list().stream().noneMatch(s -> s.id.equals(id("deleted"))));
        assertEquals(1, registry.list().stream().filter(s -> s.id.equals(id("kept"))).count());
    }

    @Test
    void createRefusesATakenIdAndRevivesATombstone() {
        registry.create(rss("a", "https://example.org/a", "social", null));
        ApiException taken = assertThrows(ApiException.class, () -> registry.create(rss("a", "https://example.org/b", "social", null)));
        assertEquals(409, taken.status());
        assertEquals("https://example.org/a", stored("a").url, "the refused create changed nothing");

        assertTrue(registry.delete(id("a")));
        assertFalse(registry.delete(id("a")), "a tombstone is not deleted twice");
        assertFalse(registry.delete(id("never")), "nor is a source that never was");
        assertTrue(registry.find(id("a")).isEmpty());
        Source tombstone = QuarkusTransaction.requiringNew().call(() -> Source.findById(id("a")));
        assertTrue(tombstone.deleted && !tombstone.enabled, "the row is kept, for its documents, and never polled");

        registry.create(rss("a", "https://example.org/c", "government", null));
        assertEquals("https://example.org/c", stored("a").url);
        assertEquals(SourceRole.GOVERNMENT, stored("a").role);
        assertTrue(stored("a").enabled && stored("a").edited);
    }

    @Test
    void healthStartsOverOnlyForANewUrlOrASourceSwitchedBackOn() {
        registry.create(rss("h", "https://example.org/h/1", "social", null));
        change("h", s -> {
            s.consecutiveFailures = 5;
            s.lastError = "HTTP 503";
            s.etag = "\"v1\"";
        });
        registry.put(id("h"), rss("h", "https://example.org/h/1", "social", true));
        assertEquals(5, stored("h").consecutiveFailures, "a new name or interval is no reason to forget failures");
        assertEquals("\"v1\"", stored("h").etag);

        registry.put(id("h"), rss("h", "https://example.org/h/2", "social", true));
        assertEquals(0, stored("h").consecutiveFailures, "another URL is another feed");
        assertNull(stored("h").lastError);
        assertNull(stored("h").etag, "validators of the old URL mean nothing for the new one");

        change("h", s -> {
            s.consecutiveFailures = 10;
            s.suspended = true;
        });
        registry.put(id("h"), rss("h", "https://example.org/h/2", "social", true));
        assertEquals(0, stored("h").consecutiveFailures, "switched back on after a suspension: a fresh start");
        assertFalse(stored("h").suspended);
    }

    @Test
    void aRoleChangeIsAnnouncedOnceWithBothRoles() {
        registry.put(id("role"), rss("role", "https://example.org/role", "social", null));
        registry.put(id("role"), new SourceInput(null, "Renamed", "rss", "https://example.org/role", "social", null, null, null, null, null));
        assertEquals(List.of(), roleChanges.of(id("role")), "a new source, or the same role, announces nothing");

        registry.put(id("role"), rss("role", "https://example.org/role", "government", null));
        assertEquals(List.of(new RoleChanged(id("role"), SourceRole.SOCIAL, SourceRole.GOVERNMENT)), roleChanges.of(id("role")));
    }

    @Test
    void theIdInTheBodyMustBeThePathsAndTheInputValid() {
        ApiException other = assertThrows(ApiException.class, () -> registry.put(id("p"), rss("q", "https://example.org/p", "social", null)));
        assertEquals(400, other.status());
        assertEquals("'id' in the body (" + id("q") + ") differs from the path (" + id("p") + ")", other.getMessage());
        ApiException invalid = assertThrows(ApiException.class, () -> registry.create(rss("p", "ftp://example.org/p", "social", null)));
        assertEquals(400, invalid.status());
        assertTrue(registry.find(id("p")).isEmpty(), "nothing is stored of a refused source");
    }
}
