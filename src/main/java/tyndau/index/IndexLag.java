package tyndau.index;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import tyndau.document.DocumentWriter;

/**
 * How far this instance's index is behind the database, as metrics ({@code /q/metrics}):
 * {@code tyndau_index_behind} documents committed (by any instance) that it does not hold yet, and
 * {@code tyndau_index_seq} the last sequence number it holds. The readiness check gives the same in its data.
 */
@ApplicationScoped
class IndexLag {
    private final LuceneIndex index;
    private final DocumentWriter documents;

    IndexLag(LuceneIndex index, DocumentWriter documents) {
        this.index = index;
        this.documents = documents;
    }

    void register(@Observes StartupEvent start, MeterRegistry metrics) {
        Gauge.builder("tyndau.index.behind", this, IndexLag::behind).description("committed documents the index does not hold yet")
                .register(metrics);
        Gauge.builder("tyndau.index.seq", index, LuceneIndex::indexedSeq).description("the last sequence number the index holds")
                .register(metrics);
    }

    double behind() {
        try {
            return Math.max(0, documents.maxSeq() - index.indexedSeq());
        } catch (RuntimeException databaseDown) {
            return Double.NaN;
        }
    }
}
