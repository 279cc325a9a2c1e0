package tyndau;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Places the embedded H2 database under {@code tyndau.home}, its password kept by {@link EmbeddedDatabaseCredentials}. H2 refuses paths relative to the
 * working directory unless written "./...", so the home is made absolute here. Low ordinal: an
 * explicit {@code quarkus.datasource.jdbc.url} (e.g. PostgreSQL) always wins.
 */
public class EmbeddedDatabaseUrl implements ConfigSourceFactory {

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        ConfigValue kind = context.getValue("quarkus.datasource.db-kind");
        if (kind != null && kind.getValue() != null && !"h2".equals(kind.getValue())) {
            return List.of();
        }
        ConfigValue home = context.getValue("tyndau.home");
        String dir = home == null || home.getValue() == null ? "." : home.getValue();
        String db = Path.of(dir).toAbsolutePath().normalize().resolve("db").resolve("tyndau").toString();
        // WRITE_DELAY=0: a commit reaches the file before it returns, so a killed process loses no
        // committed row (H2's default delays the write by up to half a second).
        String url = "jdbc:h2:file:" + db + ";DB_CLOSE_ON_EXIT=FALSE;LOCK_TIMEOUT=10000;WRITE_DELAY=0";
        // The password is not configuration: EmbeddedDatabaseCredentials keeps it in $TYNDAU_HOME/db-password.
        return List.of(new PropertiesConfigSource(Map.of("quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.credentials-provider", EmbeddedDatabaseCredentials.NAME), "tyndau-embedded-db", 50));
    }
}
