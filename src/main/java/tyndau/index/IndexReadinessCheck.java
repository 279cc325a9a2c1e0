package tyndau.index;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import tyndau.document.DocumentWriter;

/**
 * Ready once the database is migrated (Flyway runs before the application starts) and the index
 * has caught up with it at start-up; the data shows how far behind it is at this moment.
 */
@Readiness
@ApplicationScoped
class IndexReadinessCheck implements HealthCheck {
    private final LuceneIndex index;
    private final DocumentWriter documents;

    IndexReadinessCheck(LuceneIndex index, DocumentWriter documents) {
        this.index = index;
        this.documents = documents;
    }

    @Override
    public HealthCheckResponse call() {
        long dbSeq = documents.maxSeq();
        long indexed = index.indexedSeq();
        HealthCheckResponseBuilder r = HealthCheckResponse.named("index")
                .withData("databaseSeq", dbSeq)
                .withData("indexedSeq", indexed)
                .withData("behind", Math.max(0, dbSeq - indexed));
        if (index.failure() != null) {
            return r.withData("error", index.failure()).down().build();
        }
        return r.status(index.caughtUp()).build();
    }
}
