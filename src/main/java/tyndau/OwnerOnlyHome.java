package tyndau;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.jboss.logging.Logger;

/**
 * The embedded database and the index hold every document (and the database the webhook secrets):
 * their directories under {@code tyndau.home} are made owner-only (rwx------) at every start, so
 * whatever mode H2 or Lucene gave the files, nobody else on the machine can reach them.
 */
@ApplicationScoped
class OwnerOnlyHome {
    private static final Logger LOG = Logger.getLogger(OwnerOnlyHome.class);

    private final TyndauConfig config;

    OwnerOnlyHome(TyndauConfig config) {
        this.config = config;
    }

    void onStart(@Observes @Priority(1) StartupEvent start) {
        for (String dir : new String[] {"db", "index"}) {
            ownerOnly(config.home().resolve(dir).toAbsolutePath().normalize());
        }
    }

    static void ownerOnly(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            // the files already there too (the directory alone shuts others out; a copied-out file keeps its mode)
            try (var files = Files.list(dir)) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(f, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString("rw-------"));
                    }
                }
            }
        } catch (UnsupportedOperationException notPosix) {
            // Windows and other file systems keep their own access control.
        } catch (IOException e) {
            LOG.warnf("could not make %s owner-only: %s", dir, e.getMessage());
        }
    }
}
