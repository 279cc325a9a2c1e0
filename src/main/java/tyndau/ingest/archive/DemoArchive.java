package tyndau.ingest.archive;

import tyndau.document.Documents;


import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import tyndau.TyndauConfig;

/**
 * Imports the bundled offline corpus ({@code feeds/archive/*.jsonl}) on first start, when the
 * database holds no document, so the dashboard shows data without internet. Not ready until done.
 */
@Readiness
@ApplicationScoped
class DemoArchive implements HealthCheck {
    private static final Logger LOG = Logger.getLogger(DemoArchive.class);

    private final TyndauConfig config;
    private final ArchiveImporter importer;
    private volatile String state = "not started";
    private volatile boolean done;

    DemoArchive(TyndauConfig config, ArchiveImporter importer) {
        this.config = config;
        this.importer = importer;
    }

    void onStart(@Observes StartupEvent start) {
        if (!config.demo().enabled()) {
            state = "disabled (tyndau.demo.enabled=false)";
            done = true;
            return;
        }
        Thread t = new Thread(this::importIfEmpty, "demo-archive");
        t.setDaemon(true);
        t.start();
    }

    private void importIfEmpty() {
        try {
            long existing = QuarkusTransaction.requiringNew().call(Documents::count);
            if (existing > 0) {
                state = "skipped: the database already holds " + existing + " documents";
                return;
            }
            Path dir = config.feedsDir().resolve("archive").toAbsolutePath().normalize();
            if (!Files.isDirectory(dir)) {
                state = "skipped: no archive directory at " + dir;
                LOG.warnf("demo archive not imported: %s is not a directory (set tyndau.feeds-dir)", dir);
                return;
            }
            List<Path> files;
            try (Stream<Path> s = Files.list(dir)) {
                files = s.filter(p -> p.getFileName().toString().endsWith(".jsonl")).sorted().toList();
            }
            long accepted = 0;
            long rejected = 0;
            for (Path f : files) {
                state = "importing " + f.getFileName();
                try (InputStream in = Files.newInputStream(f)) {
                    ImportResult r = importer.importLines(in);
                    accepted += r.accepted();
                    rejected += r.rejected();
                    r.errors().stream().limit(5).forEach(e ->
                            LOG.warnf("%s line %d rejected: %s", f.getFileName(), e.line(), e.reason()));
                }
            }
            state = "imported " + accepted + " documents from " + files.size() + " files (" + rejected + " lines rejected)";
            LOG.infof("demo archive: %s", state);
        } catch (IOException | RuntimeException e) {
            state = "failed: " + e.getMessage();
            LOG.error("demo archive import failed", e);
        } finally {
            done = true;
        }
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("demo-archive").withData("state", state).status(done).build();
    }
}
