package tyndau;

import io.quarkus.arc.Unremovable;
import io.quarkus.credentials.CredentialsProvider;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The embedded H2 database's password: no password ships in the configuration. The first start
 * generates one into {@code $TYNDAU_HOME/db-password} (owner-only, like {@code api-key}); a database
 * made before this (with the password that used to ship, "tyndau") is given the new one on its first
 * start, once. An explicit {@code quarkus.datasource.password} (PostgreSQL, or an H2 of your own) wins.
 * Named by {@code quarkus.datasource.credentials-provider}, which {@link DatabaseChoice} sets for H2.
 */
@ApplicationScoped
@Unremovable
@Named(EmbeddedDatabaseCredentials.NAME)
public class EmbeddedDatabaseCredentials implements CredentialsProvider {
    public static final String NAME = "tyndau-embedded-db";
    static final String USER = "tyndau";
    /** The password every embedded database was made with until it stopped shipping. */
    static final String LEGACY_PASSWORD = "tyndau";
    private static final Logger LOG = Logger.getLogger(EmbeddedDatabaseCredentials.class);

    private final Path home;
    private final String url;
    private final Optional<String> user;
    private final Optional<String> password;
    private String resolved;

    EmbeddedDatabaseCredentials(TyndauConfig config, @ConfigProperty(name = "quarkus.datasource.jdbc.url") Optional<String> url,
                                @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                                @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.home = config.home().toAbsolutePath().normalize();
        this.url = url.orElse(null);
        this.user = user;
        this.password = password;
    }

    @Override
    public Map<String, String> getCredentials(String name) {
        return Map.of(USER_PROPERTY_NAME, user.orElse(USER), PASSWORD_PROPERTY_NAME, password.orElseGet(this::embedded));
    }

    private synchronized String embedded() {
        if (resolved == null) {
            try {
                resolved = resolve(home, url, user.orElse(USER));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read or create the database password file under " + home, e);
            }
        }
        return resolved;
    }

    /**
     * The password in {@code db-password}; when absent, a new one, given to an existing database first
     * (written to {@code db-password.new}, set on the database, then moved in place, so a crash at
     * any point leaves a password that opens it).
     */
    static String resolve(Path home, String url, String user) throws IOException {
        Path file = home.resolve("db-password");
        String fix = "or set quarkus.datasource.password";
        if (Files.exists(file)) {
            return SecretFile.read(file, "database password", fix);
        }
        OwnerOnlyHome.ownerOnly(home.resolve("db"));
        Path pending = home.resolve("db-password.new");
        if (!Files.exists(pending)) {
            SecretFile.create(pending, SecretFile.random());
        }
        String fresh = SecretFile.read(pending, "database password", fix);
        if (exists(url)) {
            if (opens(url, user, fresh)) {
                LOG.info("the embedded database already has the new password (an earlier start stopped before keeping it)");
            } else {
                setPassword(url, user, fresh);
                LOG.infof("the embedded database had the password that used to ship; it now has its own, in %s", file);
            }
        }
        Files.move(pending, file, StandardCopyOption.ATOMIC_MOVE);
        return fresh;
    }

    /** Whether the H2 file database of {@code url} exists already. */
    static boolean exists(String url) {
        String prefix = "jdbc:h2:file:";
        if (url == null || !url.startsWith(prefix)) {
            return false;
        }
        int semicolon = url.indexOf(';');
        String path = url.substring(prefix.length(), semicolon < 0 ? url.length() : semicolon);
        return Files.exists(Path.of(path + ".mv.db"));
    }

    private static boolean opens(String url, String user, String password) {
        try (Connection c = DriverManager.getConnection(url, user, password)) {
            return true;
        } catch (SQLException wrongPassword) {
            return false;
        }
    }

    private static void setPassword(String url, String user, String fresh) throws IOException {
        try (Connection c = DriverManager.getConnection(url, user, LEGACY_PASSWORD); Statement st = c.createStatement()) {
            // H2's ALTER USER takes no bind parameter; the password is URL-safe base64, nothing to escape.
            st.execute("ALTER USER \"" + user.toUpperCase(java.util.Locale.ROOT).replace("\"", "") + "\" SET PASSWORD '" + fresh + "'");
        } catch (SQLException e) {
            throw new IOException("the embedded database opens neither with its new password nor with the one that used to ship ("
                    + e.getMessage() + "); set quarkus.datasource.password to the one it has", e);
        }
    }
}
