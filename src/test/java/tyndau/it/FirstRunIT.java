package tyndau.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service as a newcomer meets it: first start imports the bundled archive and
 * generates an API key; a clean restart and a SIGKILL restart keep everything and import nothing twice.
 */
class FirstRunIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path home;

    static long archiveLines() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("feeds", "archive"))) {
            long n = 0;
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                try (Stream<String> lines = Files.lines(f)) {
                    n += lines.filter(l -> !l.isBlank()).count();
                }
            }
            return n;
        }
    }

    long total(ServiceProcess s) throws Exception {
        JsonNode page = JSON.readTree(s.get("/api/documents?size=1").body());
        return page.get("total").asLong();
    }

    @Test
    void firstStartImportsTheArchiveAndRestartsKeepEverything() throws Exception {
        long expected = archiveLines();
        assertTrue(expected > 1000, "the bundled archive should hold a corpus, found " + expected + " lines");
        try (ServiceProcess s = new ServiceProcess(home, "tyndau.feeds-dir=" + Path.of("feeds").toAbsolutePath())) {
            s.start();
            s.awaitReady(Duration.ofMinutes(5));
            assertEquals(expected, total(s));

            Path keyFile = home.resolve("api-key");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile)));
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("db"))),
                    "the database files are the owner's alone");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("db").resolve("tyndau.mv.db"))));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve("db-password"))),
                    "no password ships: the database's own is generated, owner-only");
            String key = Files.readString(keyFile).trim();
            assertTrue(key.length() >= 32);
            assertTrue(Files.readString(s.log).contains(keyFile.toAbsolutePath().toString()), "key location is logged");

            String line = "{\"source\":\"it-desk\",\"role\":\"civil_society\",\"url\":\"https://example.org/it/1\","
                    + "\"title\":\"After restart\",\"published\":\"2023-05-01T08:00:00+06:00\"}\n";
            assertEquals(401, s.post("/api/import", "application/x-ndjson", line, null).statusCode());
            JsonNode r = JSON.readTree(s.post("/api/import", "application/x-ndjson", line, key).body());
            assertEquals(1, r.get("accepted").asInt());

            JsonNode health = JSON.readTree(s.get("/q/health/ready").body());
            assertEquals("UP", health.get("status").asText());
            assertTrue(s.get("/q/openapi").body().contains("/api/import"));
            assertEquals(200, s.get("/q/swagger-ui/").statusCode());

            s.stop();
            s.start();
            s.awaitReady(Duration.ofMinutes(2));
            assertEquals(expected + 1, total(s), "a clean restart keeps everything and imports the archive once");

            s.kill();
            s.start();
            s.awaitReady(Duration.ofMinutes(2));
            assertEquals(expected + 1, total(s), "a SIGKILL restart keeps everything");
            assertEquals(key, Files.readString(keyFile).trim(), "the key survives restarts");
            JsonNode again = JSON.readTree(s.post("/api/import", "application/x-ndjson", line, key).body());
            assertEquals(0, again.get("accepted").asInt());
            assertEquals(1, again.get("duplicates").asInt());

            // A key file others can read (a careless copy or restore) is refused at start, with the fix.
            s.stop();
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));
            s.start();
            assertTrue(s.exitsWithin(Duration.ofMinutes(2)), "the service must not start with a readable key file");
            assertTrue(Files.readString(s.log).contains("chmod 600"), "the log says how to fix it");
            Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));
        }
    }
}
