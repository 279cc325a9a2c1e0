package tyndau.ingest.scrape;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneId;

/** The project's own HTML fixtures and the fixed clock the scrape tests run on. */
final class Fixtures {
    static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");
    /** 2024-04-11 11:00 in Almaty (UTC+5 since March 2024). */
    static final Instant NOW = Instant.parse("2024-04-11T06:00:00Z");

    private Fixtures() {
    }

    static byte[] bytes(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/scrape-fixtures/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String name) {
        return new String(bytes(name), java.nio.charset.StandardCharsets.UTF_8);
    }
}
