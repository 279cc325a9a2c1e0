package tyndau.http;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.jboss.logging.Logger;
import tyndau.SecretFile;
import tyndau.TyndauConfig;

/**
 * The bearer token that write endpoints require: {@code tyndau.api-key} when set, otherwise the
 * content of {@code $TYNDAU_HOME/api-key}, generated (owner-only) on first start.
 */
@Startup
@Singleton
public class ApiKey {
    private static final Logger LOG = Logger.getLogger(ApiKey.class);

    private final TyndauConfig config;
    private byte[] key;

    ApiKey(TyndauConfig config) {
        this.config = config;
    }

    @PostConstruct
    void resolve() {
        if (config.apiKey().filter(k -> !k.isBlank()).isPresent()) {
            key = config.apiKey().get().trim().getBytes(StandardCharsets.UTF_8);
            LOG.info("API key taken from configuration (tyndau.api-key)");
            return;
        }
        Path file = config.home().resolve("api-key").toAbsolutePath().normalize();
        try {
            if (SecretFile.create(file, SecretFile.random())) {
                LOG.infof("generated an API key for write endpoints; it is in %s", file);
            } else {
                LOG.infof("API key for write endpoints: %s", file);
            }
            key = SecretFile.read(file, "API key", "or set tyndau.api-key; an empty file: delete it to generate a new key")
                    .getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API key file " + file, e);
        }
    }

    /**
     * Checked on every start, not only when the file is made: a copy or a restore from a backup can
     * widen the mode, and a key that others can read is no key. Refusing to start says so plainly.
     */
    static void refuseIfOthersCanRead(Path file) throws IOException {
        SecretFile.refuseIfOthersCanRead(file, "API key", "or set tyndau.api-key");
    }

    /** Constant-time comparison, so response timing says nothing about the key. */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(key, presented.trim().getBytes(StandardCharsets.UTF_8));
    }
}
