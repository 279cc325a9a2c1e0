package tyndau.document;

import java.time.Instant;
import tyndau.source.SourceRole;

/**
 * A normalised document ready to be stored: canonical URL, plain-text body, publication time or
 * undateable. {@code role} is used only when the source does not exist yet.
 */
public record NewDocument(
        String sourceId,
        SourceRole role,
        String url,
        String guid,
        String title,
        String body,
        String bodyHtml,
        Instant publishedAt,
        Instant fetchedAt,
        String language) {

    public boolean undateable() {
        return publishedAt == null;
    }
}
