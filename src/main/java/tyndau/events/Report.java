package tyndau.events;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * What the event features read of a document: its id, language ({@code kk}, {@code ru}, {@code en}),
 * publication time (with the offset it was published at, so that "yesterday" is read in its own day),
 * source, side, title and text.
 */
public record Report(String id, String lang, OffsetDateTime published, String source, ReportSide side, String title,
        String text) {
    public Report {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(published, "published");
        lang = lang == null ? "" : lang;
        source = source == null ? "" : source;
        side = side == null ? ReportSide.NONE : side;
        title = title == null ? "" : title;
        text = text == null ? "" : text;
    }
}
