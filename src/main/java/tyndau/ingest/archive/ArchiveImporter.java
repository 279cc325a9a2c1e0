package tyndau.ingest.archive;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import tyndau.TyndauConfig;
import tyndau.document.DocumentWriter;
import tyndau.ingest.Pipeline;
import tyndau.document.NewDocument;
import tyndau.document.WriteOutcome;

/**
 * Streams JSON Lines into the database: a line at a time (the body is never held whole), committed
 * in batches, idempotent by canonical URL; a bad line is reported by number and costs nothing else.
 */
@ApplicationScoped
public class ArchiveImporter {
    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(ArchiveImporter.class);
    /** An import answers once what it stored is searchable, unless the index takes longer than this. */
    private static final java.time.Duration INDEX_WAIT = java.time.Duration.ofMinutes(2);
    /** Every this many batches a long import logs its pace. */
    private static final int PROGRESS_EVERY = 100;

    private final Pipeline pipeline;
    private final TyndauConfig config;
    private final ImportLineParser parser;
    private final Counter acceptedCounter;
    private final Counter duplicateCounter;
    private final Counter rejectedCounter;

    ArchiveImporter(Pipeline pipeline, TyndauConfig config, ObjectMapper json, MeterRegistry metrics) {
        this.pipeline = pipeline;
        this.config = config;
        this.parser = new ImportLineParser(json);
        this.acceptedCounter = lines(metrics, "accepted");
        this.duplicateCounter = lines(metrics, "duplicate");
        this.rejectedCounter = lines(metrics, "rejected");
    }

    private static Counter lines(MeterRegistry metrics, String outcome) {
        return Counter.builder("tyndau.import.lines")
                .description("Import lines by outcome")
                .tag("outcome", outcome)
                .register(metrics);
    }

    public ImportResult importLines(InputStream body) {
        long started = System.nanoTime();
        String before = pipeline.timings();
        Tally tally = new Tally(config.imports().maxReportedErrors());
        LineReader reader = new LineReader(new InputStreamReader(body, StandardCharsets.UTF_8),
                config.imports().maxLineChars());
        List<NewDocument> batch = new ArrayList<>();
        List<Long> batchLines = new ArrayList<>();
        // One batch is stored on this thread while the request thread reads and prepares the next. A plain pool,
        // shut down below: Executors.newSingleThreadExecutor's would also be shut down by the garbage collector,
        // some time later, which hid a pool left running.
        ExecutorService storing = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "import-store");
            t.setDaemon(true);
            return t;
        });
        Flush flush = new Flush(storing, tally);
        long batchChars = 0;
        // However the import ends (a broken body, a client gone, a batch that failed), its storing thread ends
        // with it, once the batch in flight, if any, is stored.
        try {
            try {
                for (LineReader.Line line = reader.next(); line != null; line = reader.next()) {
                    if (line.tooLong()) {
                        tally.reject(line.number(), "line longer than " + config.imports().maxLineChars() + " characters");
                        continue;
                    }
                    String text = line.text().strip();
                    if (text.isEmpty()) {
                        continue;
                    }
                    if (line.number() == 1 && text.charAt(0) == '\uFEFF') {
                        text = text.substring(1);
                    }
                    ImportLineParser.Parsed parsed = parser.parse(text, Instant.now());
                    if (parsed.reason() != null) {
                        tally.reject(line.number(), parsed.reason());
                        continue;
                    }
                    batch.add(parsed.document());
                    batchLines.add(line.number());
                    batchChars += text.length();
                    if (batch.size() >= config.imports().batchSize() || batchChars >= config.imports().batchChars()) {
                        flush.submit(batch, batchLines);
                        batch = new ArrayList<>();
                        batchLines = new ArrayList<>();
                        batchChars = 0;
                    }
                }
            } catch (IOException e) {
                flush.submit(batch, batchLines);
                flush.finish();
                throw new UncheckedIOException("the request body could not be read to its end", e);
            }
            flush.submit(batch, batchLines);
            flush.finish();
        } finally {
            storing.shutdown();
        }
        long stored = System.nanoTime();
        if (tally.accepted > 0 && !pipeline.awaitSearchable(INDEX_WAIT)) {
            LOG.warnf("import stored %d documents; the index has not caught up after %s and keeps going", tally.accepted, INDEX_WAIT);
        }
        LOG.infof("import: %d accepted (%d copies), %d duplicates, %d rejected in %d ms (+%d ms until searchable); writer %s",
                tally.accepted, tally.nearDuplicates, tally.duplicates, tally.rejected, (stored - started) / 1_000_000,
                (System.nanoTime() - stored) / 1_000_000, pipeline.timings());
        return tally.result();
    }

    /** Batches on their way to the database: at most one stored at a time, outcomes tallied in order. */
    private final class Flush {
        private final ExecutorService storing;
        private final Tally tally;
        private Future<?> inFlight;
        private int batches;

        Flush(ExecutorService storing, Tally tally) {
            this.storing = storing;
            this.tally = tally;
        }

        void submit(List<NewDocument> batch, List<Long> lines) {
            if (batch.isEmpty()) {
                return;
            }
            long t0 = System.nanoTime();
            DocumentWriter.Batch prepared;
            try {
                prepared = pipeline.analyse(batch);
            } catch (RuntimeException e) {
                if (!DocumentWriter.databaseAway(e)) {
                    throw e;
                }
                // The database stayed away past the pipeline's wait: these lines are reported, not lost.
                finish();
                lines.forEach(l -> tally.reject(l, "not stored: the database was unavailable; send this line again"));
                return;
            }
            finish();
            long read = System.nanoTime() - t0;
            int number = ++batches;
            inFlight = storing.submit(() -> {
                long t1 = System.nanoTime();
                tally(pipeline.store(prepared), lines);
                if (number == 1 || number % PROGRESS_EVERY == 0) {
                    // Long imports show their pace as they go: batch times should stay flat as the table grows.
                    LOG.infof("import: batch %d (%d lines) read in %d ms, stored in %d ms; %d accepted so far", number, lines.size(),
                            read / 1_000_000, (System.nanoTime() - t1) / 1_000_000, tally.accepted);
                }
            });
        }

        void finish() {
            if (inFlight == null) {
                return;
            }
            try {
                inFlight.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while storing an import batch", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            } finally {
                inFlight = null;
            }
        }

        private void tally(List<WriteOutcome> outcomes, List<Long> lines) {
            synchronized (tally) {
                for (int i = 0; i < outcomes.size(); i++) {
                    WriteOutcome o = outcomes.get(i);
                    switch (o.kind()) {
                        case ACCEPTED -> {
                            tally.accepted++;
                            if (o.nearDuplicate()) {
                                tally.nearDuplicates++;
                            }
                        }
                        case DUPLICATE -> tally.duplicates++;
                        case REJECTED -> tally.reject(lines.get(i), o.reason());
                        case FAILED -> tally.reject(lines.get(i), o.reason() + "; send the line again");
                    }
                }
            }
            acceptedCounter.increment(outcomes.stream().filter(o -> o.kind() == WriteOutcome.Kind.ACCEPTED).count());
            duplicateCounter.increment(outcomes.stream().filter(o -> o.kind() == WriteOutcome.Kind.DUPLICATE).count());
        }
    }

    private final class Tally {
        final int maxErrors;
        long accepted;
        long duplicates;
        long nearDuplicates;
        long rejected;
        final List<ImportResult.LineError> errors = new ArrayList<>();

        Tally(int maxErrors) {
            this.maxErrors = maxErrors;
        }

        synchronized void reject(long line, String reason) {
            rejected++;
            rejectedCounter.increment();
            if (errors.size() < maxErrors) {
                errors.add(new ImportResult.LineError(line, reason));
            }
        }

        synchronized ImportResult result() {
            errors.sort(java.util.Comparator.comparingLong(ImportResult.LineError::line));
            return new ImportResult(accepted, duplicates, nearDuplicates, rejected, List.copyOf(errors), rejected > errors.size() ? Boolean.TRUE : null);
        }
    }
}
