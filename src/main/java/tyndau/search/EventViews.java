package tyndau.search;

import java.time.Instant;
import java.util.List;

/** What {@code /api/events} answers (issue 31, docs/api.md "Events"). */
public final class EventViews {
    private EventViews() {
    }

    /**
     * One event: {@code title} in the reader's language where a report in it exists (else the first report's),
     * {@code first} and {@code last} report, its {@code documents} count, and the {@code sources}, {@code languages}
     * ({@code kk}, {@code ru}, {@code en}, …), {@code sides} ({@code public}, {@code government}) and {@code topics} of
     * its reports.
     */
    public record Summary(long id, String title, String titleLanguage, Instant first, Instant last, int documents,
                          List<String> sources, List<String> languages, List<String> sides, List<String> topics) {
    }

    /** One report of an event. */
    public record Report(long id, String url, String title, String language, String source, String side, Instant published,
                         Long duplicateOf) {
    }

    /**
     * An event with its reports, oldest first; {@code redirectedFrom}: the id asked for when it was absorbed by a merge
     * into this one (null otherwise).
     */
    public record Detail(long id, String title, String titleLanguage, Instant first, Instant last, int documents,
                         List<String> sources, List<String> languages, List<String> sides, List<String> topics,
                         Long redirectedFrom, List<Report> reports) {
    }
}
