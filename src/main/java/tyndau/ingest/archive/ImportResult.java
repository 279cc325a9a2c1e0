package tyndau.ingest.archive;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The answer of an import: counts, and each rejected line with its reason (at most a configured number
 * listed). {@code duplicates} are exact re-sends (same URL, or GUID of the source), not stored;
 * {@code nearDuplicates} are copies of a story stored and linked to their original, part of {@code accepted}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ImportResult(long accepted, long duplicates, long nearDuplicates, long rejected, List<LineError> errors, Boolean errorsTruncated) {

    /** A rejected line: its 1-based number in the body and why. */
    public record LineError(long line, String reason) {
    }
}
