package tyndau.http;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API key file is checked on every start: readable by others, the service refuses to start and says how to fix it. */
class ApiKeyTest {
    @TempDir
    Path dir;

    @Test
    void aKeyFileOthersCanReadIsRefusedWithTheFix() throws Exception {
        Path key = Files.writeString(dir.resolve("api-key"), "secret\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ApiKey.refuseIfOthersCanRead(key));
        assertTrue(e.getMessage().contains("chmod 600") && e.getMessage().contains("rw-r--r--"), e.getMessage());
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw----r--"));
        assertThrows(IllegalStateException.class, () -> ApiKey.refuseIfOthersCanRead(key));
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        assertDoesNotThrow(() -> ApiKey.refuseIfOthersCanRead(key));
    }
}
