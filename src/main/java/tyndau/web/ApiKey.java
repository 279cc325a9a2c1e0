package tyndau.web;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;
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
            if (!Files.exists(file)) {
                create(file);
                LOG.infof("generated an API key for write endpoints; it is in %s", file);
            } else {
                refuseIfOthersCanRead(file);
                LOG.infof("API key for write endpoints: %s", file);
            }
            String stored = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (stored.isEmpty()) {
                throw new IllegalStateException("the API key file " + file + " is empty; delete it to generate a new key");
            }
            key = stored.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the API key file " + file, e);
        }
    }

    /**
     * Checked on every start, not only when the file is made: a copy or a restore from a backup can
     * widen the mode, and a key that others can read is no key. Refusing to start says so plainly.
     */
    static void refuseIfOthersCanRead(Path file) throws IOException {
        java.util.Set<java.nio.file.attribute.PosixFilePermission> mode;
        try {
            mode = Files.getPosixFilePermissions(file);
        } catch (UnsupportedOperationException notPosix) {
            return;
        }
        for (java.nio.file.attribute.PosixFilePermission p : mode) {
            String name = p.name();
            if (name.startsWith("GROUP_") || name.startsWith("OTHERS_")) {
                throw new IllegalStateException("the API key file " + file + " can be read by other users (mode "
                        + PosixFilePermissions.toString(mode) + "); run: chmod 600 " + file + "  (or set tyndau.api-key)");
            }
        }
    }

    private static void create(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            // Created with owner-only permissions, so the key is never readable by others even briefly.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
            file.toFile().setReadable(false, false);
            file.toFile().setReadable(true, true);
        } catch (FileAlreadyExistsException raced) {
            return;
        }
        Files.writeString(file, token + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** Constant-time comparison, so response timing says nothing about the key. */
    public boolean matches(String presented) {
        return presented != null
                && MessageDigest.isEqual(key, presented.trim().getBytes(StandardCharsets.UTF_8));
    }
}
