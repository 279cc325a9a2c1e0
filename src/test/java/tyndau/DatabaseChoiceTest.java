package tyndau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigValue;
import java.util.Iterator;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.junit.jupiter.api.Test;

/** One jar, the database chosen at start: what {@link DatabaseChoice} derives from what it is given. */
class DatabaseChoiceTest {

    static ConfigSource choose(Map<String, String> given) {
        ConfigSourceContext context = new ConfigSourceContext() {
            @Override
            public ConfigValue getValue(String name) {
                String v = given.get(name);
                return v == null ? null : ConfigValue.builder().withName(name).withValue(v).build();
            }

            @Override
            public Iterator<String> iterateNames() {
                return given.keySet().iterator();
            }
        };
        Iterator<ConfigSource> sources = new DatabaseChoice().getConfigSources(context).iterator();
        ConfigSource s = sources.next();
        assertFalse(sources.hasNext());
        return s;
    }

    @Test
    void withoutAUrlTheEmbeddedH2UnderTheHomeIsActive() {
        ConfigSource s = choose(Map.of("tyndau.home", "/var/lib/tyndau"));
        assertEquals("h2", s.getValue("tyndau.db.kind"));
        assertTrue(s.getValue("quarkus.datasource.jdbc.url").startsWith("jdbc:h2:file:/var/lib/tyndau/db/tyndau;"));
        assertEquals("true", s.getValue("quarkus.datasource.active"));
        assertEquals("true", s.getValue("quarkus.hibernate-orm.active"));
        assertEquals("false", s.getValue("quarkus.datasource.\"postgresql\".active"));
        assertEquals("false", s.getValue("quarkus.hibernate-orm.\"postgresql\".active"));
        assertEquals("false", s.getValue("quarkus.flyway.\"postgresql\".active"));
        assertEquals(EmbeddedDatabaseCredentials.NAME, s.getValue("quarkus.datasource.credentials-provider"));
        assertTrue(s.getOrdinal() < 100, "anything set explicitly wins");
    }

    @Test
    void aPostgresqlUrlMakesThePostgresqlUnitActiveWithItsCredentials() {
        ConfigSource s = choose(Map.of("tyndau.db.url", "jdbc:postgresql://db:5432/tyndau", "tyndau.db.user", "u", "tyndau.db.password", "p"));
        assertEquals("postgresql", s.getValue("tyndau.db.kind"));
        assertEquals("false", s.getValue("quarkus.datasource.active"));
        assertEquals("false", s.getValue("quarkus.hibernate-orm.active"));
        assertEquals("false", s.getValue("quarkus.flyway.active"));
        assertEquals("true", s.getValue("quarkus.datasource.\"postgresql\".active"));
        assertEquals("true", s.getValue("quarkus.hibernate-orm.\"postgresql\".active"));
        assertEquals("true", s.getValue("quarkus.flyway.\"postgresql\".active"));
        assertEquals("jdbc:postgresql://db:5432/tyndau", s.getValue("quarkus.datasource.\"postgresql\".jdbc.url"));
        assertEquals("u", s.getValue("quarkus.datasource.\"postgresql\".username"));
        assertEquals("p", s.getValue("quarkus.datasource.\"postgresql\".password"));
        assertNull(s.getValue("quarkus.datasource.jdbc.url"), "H2 is not even given a file");
    }

    @Test
    void thePostgresqlBuildsSettingsAreReadTheSameWay() {
        ConfigSource s = choose(Map.of("quarkus.datasource.jdbc.url", "jdbc:postgresql://old:5432/tyndau",
                "quarkus.datasource.username", "old-user", "quarkus.datasource.password", "old-password"));
        assertEquals("postgresql", s.getValue("tyndau.db.kind"));
        assertEquals("jdbc:postgresql://old:5432/tyndau", s.getValue("quarkus.datasource.\"postgresql\".jdbc.url"));
        assertEquals("old-user", s.getValue("quarkus.datasource.\"postgresql\".username"));
        assertEquals("old-password", s.getValue("quarkus.datasource.\"postgresql\".password"));
    }

    @Test
    void anotherKindOfUrlIsRefusedWithTheFixAndWithoutItsPassword() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> choose(Map.of("tyndau.db.url", "jdbc:mysql://admin:secret@db/tyndau")));
        assertTrue(e.getMessage().contains("jdbc:postgresql://"), e.getMessage());
        assertTrue(e.getMessage().contains("leave it unset for the embedded H2"), e.getMessage());
        assertFalse(e.getMessage().contains("secret"), e.getMessage());
    }
}
