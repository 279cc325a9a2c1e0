package tyndau;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Chooses the database when the service starts, so that one jar runs on either (docs/operate.md, "PostgreSQL"). The jar
 * holds two datasources and a persistence unit on each: the default one is the embedded H2 under
 * {@code tyndau.home}, the one named {@value Database#POSTGRESQL} is PostgreSQL. When {@code tyndau.db.url}
 * ({@code TYNDAU_DB_URL}) is a {@code jdbc:postgresql:} URL, the PostgreSQL unit is made active with it
 * ({@code TYNDAU_DB_USER}, {@code TYNDAU_DB_PASSWORD}) and H2 inactive; otherwise H2 is active, at
 * {@code $TYNDAU_HOME/db/tyndau}, its password kept by {@link EmbeddedDatabaseCredentials}. A
 * {@code jdbc:postgresql:} URL in {@code quarkus.datasource.jdbc.url} (how a PostgreSQL build was configured
 * before) is read the same way. Low ordinal: any key set explicitly wins over what is derived here.
 */
public class DatabaseChoice implements ConfigSourceFactory {
    static final String URL = "tyndau.db.url";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        String url = value(context, URL);
        String legacy = value(context, "quarkus.datasource.jdbc.url");
        if (url == null && legacy != null && legacy.startsWith("jdbc:postgresql:")) {
            url = legacy;
        }
        Map<String, String> keys = new HashMap<>();
        boolean postgresql = url != null;
        String pg = "\"" + Database.POSTGRESQL + "\"";
        for (String unit : List.of("quarkus.datasource.", "quarkus.hibernate-orm.", "quarkus.flyway.")) {
            keys.put(unit + "active", String.valueOf(!postgresql));
            keys.put(unit + pg + ".active", String.valueOf(postgresql));
        }
        if (postgresql) {
            if (!url.startsWith("jdbc:postgresql:")) {
                throw new IllegalArgumentException(URL + " (TYNDAU_DB_URL) must be a jdbc:postgresql:// URL; leave it unset for the embedded H2 database, got: "
                        + url.replaceAll("//[^/@]*@", "//…@"));
            }
            keys.put(Database.KIND, Database.POSTGRESQL);
            keys.put("quarkus.datasource." + pg + ".jdbc.url", url);
            copy(context, "tyndau.db.user", "quarkus.datasource.username", "quarkus.datasource." + pg + ".username", keys);
            copy(context, "tyndau.db.password", "quarkus.datasource.password", "quarkus.datasource." + pg + ".password", keys);
        } else {
            String home = value(context, "tyndau.home");
            String db = Path.of(home == null ? "." : home).toAbsolutePath().normalize().resolve("db").resolve("tyndau").toString();
            keys.put(Database.KIND, Database.H2);
            // H2 refuses paths relative to the working directory unless written "./...", hence absolute.
            // WRITE_DELAY=0: a commit reaches the file before it returns, so a killed process loses no
            // committed row (H2's default delays the write by up to half a second).
            keys.put("quarkus.datasource.jdbc.url", "jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0");
            // The password is not configuration: EmbeddedDatabaseCredentials keeps it in $TYNDAU_HOME/db-password.
            keys.put("quarkus.datasource.credentials-provider", EmbeddedDatabaseCredentials.NAME);
        }
        return List.of(new PropertiesConfigSource(keys, "tyndau-database-choice", 50));
    }

    private static void copy(ConfigSourceContext context, String key, String legacyKey, String target, Map<String, String> keys) {
        String v = value(context, key);
        if (v == null) {
            v = value(context, legacyKey);
        }
        if (v != null) {
            keys.put(target, v);
        }
    }

    private static String value(ConfigSourceContext context, String key) {
        ConfigValue v = context.getValue(key);
        return v == null || v.getValue() == null || v.getValue().isBlank() ? null : v.getValue();
    }
}
