package tyndau.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import tyndau.document.DocumentWriter;
import tyndau.document.NewDocument;
import tyndau.document.WriteOutcome;
import tyndau.source.SourceRole;

/**
 * A document committed while a rebuild runs, and indexed by the new generation before the feeder put
 * it in the old one, is still announced to the alert rules — once.
 */
@QuarkusTest
class SwapAnnouncesTest {

    /** Counts the announcements of each document id. */
    @ApplicationScoped
    static class Announcements {
        final Map<Long, AtomicInteger> byId = new ConcurrentHashMap<>();

        void on(@ObservesAsync DocumentsIndexed event) {
            event.rows().forEach(r -> byId.computeIfAbsent(r.id(), id -> new AtomicInteger()).incrementAndGet());
        }

        /** Through a method: the injected reference is a client proxy, whose fields are not the bean's. */
        int times(long id) {
            AtomicInteger n = byId.get(id);
            return n == null ? 0 : n.get();
        }
    }

    @Inject
    LuceneIndex index;
    @Inject
    DocumentWriter writer;
    @Inject
    Announcements announcements;
    @Inject
    Reindexer reindexer;

    @Test
    void aDocumentCommittedDuringTheSwapIsAnnouncedOnce() throws Exception {
        String run = "swap" + Long.toString(System.nanoTime(), 36);
        // A rebuild another test class started (a topic it saved) writes into the next generation: let it finish first.
        long idle = System.currentTimeMillis() + 120_000;
        while ("running".equals(reindexer.status().state()) && System.currentTimeMillis() < idle) {
            Thread.sleep(100);
        }
        long id = index.exclusively(() -> {
            // The feeder cannot index while this holds the write lock: the document reaches only the database.
            List<WriteOutcome> out = writer.write(List.of(new NewDocument(run, SourceRole.GOVERNMENT, "https://example.org/" + run,
                    null, "Statement on the visit of the Chinese delegation " + run, "The ministry announced the visit today.",
                    null, Instant.parse("2023-03-01T10:00:00Z"), Instant.now(), "en")));
            long written = out.get(0).documentId();
            // The rebuild reads it from the database into the new generation, then swaps (the lock is re-entrant).
            index.rebuildInto(index.nextGenerationName(), new Reindexer.Progress(1, "test"));
            return written;
        });
        assertTrue(index.awaitIndexed(writer.maxSeq(), Duration.ofSeconds(10)));
        long deadline = System.currentTimeMillis() + 10_000;
        while (announcements.times(id) == 0 && System.currentTimeMillis() < deadline) {
            Thread.sleep(50);
        }
        Thread.sleep(500); // a second announcement, if any, would come now
        assertEquals(1, announcements.times(id), "announced once to the alert rules");
    }
}
