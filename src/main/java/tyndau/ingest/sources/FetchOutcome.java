package tyndau.ingest.sources;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;
import java.util.List;

/**
 * What one fetch of a source brought (the answer of {@code POST /api/sources/{id}/fetch}, and the
 * source's {@code lastOutcome}): new documents, duplicates, rejected items with reasons, what the
 * source still owes (the article links of an html source; the items of a feed that the database failed
 * to store), fetched on later runs, and the error that failed the whole fetch (null on success).
 */
public record FetchOutcome(
        String source,
        Instant at,
        @JsonProperty("new") int created,
        int duplicates,
        int rejected,
        String error,
        boolean notModified,
        int items,
        List<Long> documents,
        List<String> problems,
        long pending) {

    static FetchOutcome failed(String source, Instant at, String error) {
        return new FetchOutcome(source, at, 0, 0, 0, error, false, 0, List.of(), List.of(), 0);
    }

    static FetchOutcome unchanged(String source, Instant at) {
        return new FetchOutcome(source, at, 0, 0, 0, null, true, 0, List.of(), List.of(), 0);
    }
}
