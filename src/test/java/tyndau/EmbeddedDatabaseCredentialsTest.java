package tyndau;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No database password ships: a new home gets its own, and a database made with the old shipped one is moved to its own. */
class EmbeddedDatabaseCredentialsTest {
    @TempDir
    Path home;

    String url() {
        return "jdbc:h2:file:" + home.resolve("db").resolve("tyndau") + ";DB_CLOSE_ON_EXIT=FALSE";
    }

    static boolean opens(String url, String password) {
        try (Connection c = DriverManager.getConnection(url, "tyndau", password)) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Test
    void aNewHomeGetsItsOwnOwnerOnlyPassword() throws Exception {
        String password = EmbeddedDatabaseCredentials.resolve(home, url(), "tyndau");
        assertNotEquals(EmbeddedDatabaseCredentials.LEGACY_PASSWORD, password);
        assertTrue(password.length() >= 40, password);
        Path file = home.resolve("db-password");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(password, EmbeddedDatabaseCredentials.resolve(home, url(), "tyndau"), "the same on every start");
        assertTrue(opens(url(), password), "H2 makes the database with the password of its first connection");
        assertFalse(opens(url(), EmbeddedDatabaseCredentials.LEGACY_PASSWORD));
    }

    @Test
    void aDatabaseMadeWithTheShippedPasswordIsGivenItsOwnOnce() throws Exception {
        try (Connection c = DriverManager.getConnection(url(), "tyndau", EmbeddedDatabaseCredentials.LEGACY_PASSWORD)) {
            c.createStatement().execute("CREATE TABLE kept (x INT); INSERT INTO kept VALUES (42)");
        }
        String password = EmbeddedDatabaseCredentials.resolve(home, url(), "tyndau");
        assertFalse(opens(url(), EmbeddedDatabaseCredentials.LEGACY_PASSWORD), "the shipped password no longer opens it");
        try (Connection c = DriverManager.getConnection(url(), "tyndau", password);
             var rs = c.createStatement().executeQuery("SELECT x FROM kept")) {
            assertTrue(rs.next());
            assertEquals(42, rs.getInt(1), "nothing lost");
        }
        assertFalse(Files.exists(home.resolve("db-password.new")));
        assertEquals(password, EmbeddedDatabaseCredentials.resolve(home, url(), "tyndau"));
    }

    @Test
    void aPasswordFileOthersCanReadStopsTheStart() throws Exception {
        EmbeddedDatabaseCredentials.resolve(home, url(), "tyndau");
        Files.setPosixFilePermissions(home.resolve("db-password"), PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> EmbeddedDatabaseCredentials.resolve(home, url(), "tyndau"));
        assertTrue(e.getMessage().contains("chmod 600"), e.getMessage());
    }
}
