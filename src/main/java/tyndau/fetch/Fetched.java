package tyndau.fetch;

import java.net.URI;
import java.time.Duration;

/**
 * What a fetch brought back: bytes (never a URL for a parser to open), the validators for the next
 * conditional request, and whether the content is unchanged (a 304, or the same body hash when a
 * server ignores or lies about its validators).
 */
public record Fetched(int status, URI finalUri, String contentType, String location, byte[] body, String etag,
                      String lastModified, String bodySha256, boolean unchanged, Duration retryAfter) {
}
