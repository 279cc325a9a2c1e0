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
import tyndau.TyndauConfig;
import tyndau.document.DocumentWriter;
import tyndau.document.NewDocument;
import tyndau.document.WriteOutcome;

/**
 * Streams JSON Lines into the database: a line at a time (the body is never held whole), committed
 * in batches, idempotent by canonical URL; a bad line is reported by number and costs nothing else.
 */
@ApplicationScoped
public class ArchiveImporter {
    private final DocumentWriter writer;
    private final TyndauConfig config;
    private final ImportLineParser parser;
    private final Counter acceptedCounter;
    private final Counter duplicateCounter;
    private final Counter rejectedCounter;

    ArchiveImporter(DocumentWriter writer, TyndauConfig config, ObjectMapper json, MeterRegistry metrics) {
        this.writer = writer;
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
        Tally tally = new Tally(config.imports().maxReportedErrors());
        LineReader reader = new LineReader(new InputStreamReader(body, StandardCharsets.UTF_8),
                config.imports().maxLineChars());
        List<NewDocument> batch = new ArrayList<>();
        List<Long> batchLines = new ArrayList<>();
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
                if (batch.size() >= config.imports().batchSize()) {
                    flush(batch, batchLines, tally);
                }
            }
        } catch (IOException e) {
            flush(batch, batchLines, tally);
            throw new UncheckedIOException("the request body could not be read to its end", e);
        }
        flush(batch, batchLines, tally);
        return tally.result();
    }

    private void flush(List<NewDocument> batch, List<Long> lines, Tally tally) {
        if (batch.isEmpty()) {
            return;
        }
        List<WriteOutcome> outcomes = writer.write(batch);
        for (int i = 0; i < outcomes.size(); i++) {
            WriteOutcome o = outcomes.get(i);
            switch (o.kind()) {
                case ACCEPTED -> tally.accepted++;
                case DUPLICATE -> tally.duplicates++;
                case REJECTED -> tally.reject(lines.get(i), o.reason());
            }
        }
        acceptedCounter.increment(outcomes.stream().filter(o -> o.kind() == WriteOutcome.Kind.ACCEPTED).count());
        duplicateCounter.increment(outcomes.stream().filter(o -> o.kind() == WriteOutcome.Kind.DUPLICATE).count());
        batch.clear();
        lines.clear();
    }

    private final class Tally {
        final int maxErrors;
        long accepted;
        long duplicates;
        long rejected;
        final List<ImportResult.LineError> errors = new ArrayList<>();

        Tally(int maxErrors) {
            this.maxErrors = maxErrors;
        }

        void reject(long line, String reason) {
            rejected++;
            rejectedCounter.increment();
            if (errors.size() < maxErrors) {
                errors.add(new ImportResult.LineError(line, reason));
            }
        }

        ImportResult result() {
            errors.sort(java.util.Comparator.comparingLong(ImportResult.LineError::line));
            return new ImportResult(accepted, duplicates, rejected, List.copyOf(errors), rejected > errors.size() ? Boolean.TRUE : null);
        }
    }
}
