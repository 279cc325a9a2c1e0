package tyndau.ingest.archive;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import tyndau.document.NewDocument;
import tyndau.ingest.CanonicalUrl;
import tyndau.ingest.HtmlText;
import tyndau.ingest.Normaliser;
import tyndau.ingest.Pipeline;
import tyndau.source.Source;
import tyndau.source.SourceRole;

/**
 * One import line (docs/sources.md, "Import") to a {@link NewDocument}, or the reason it cannot be one.
 * An importer cannot guess a date, so a line without a parseable {@code published} is rejected.
 */
final class ImportLineParser {
    private static final Pattern LANG = Pattern.compile("[a-z]{2,3}");

    private final ObjectMapper json;

    ImportLineParser(ObjectMapper json) {
        this.json = json;
    }

    /** Either a document or a reason; exactly one is present. */
    record Parsed(NewDocument document, String reason) {
        static Parsed error(String reason) {
            return new Parsed(null, reason);
        }
    }

    Parsed parse(String line, Instant now) {
        JsonNode node;
        try {
            node = json.readTree(line);
        } catch (JsonProcessingException e) {
            String at = e.getLocation() == null ? "" : " at column " + e.getLocation().getColumnNr();
            return Parsed.error("not valid JSON" + at);
        }
        if (node == null || !node.isObject()) {
            return Parsed.error("not a JSON object");
        }
        Optional<String> sourceText = text(node, "source");
        if (sourceText.isEmpty()) {
            return Parsed.error("'source' is required");
        }
        String source = sourceText.get().trim().toLowerCase(Locale.ROOT);
        if (!Source.ID_PATTERN.matcher(source).matches()) {
            return Parsed.error("'source' must be a slug of letters, digits, '.', '_' or '-' (at most 64)");
        }
        SourceRole role = null;
        Optional<String> roleText = text(node, "role");
        if (roleText.isPresent()) {
            role = SourceRole.parse(roleText.get()).orElse(null);
            if (role == null) {
                return Parsed.error("'role' must be one of " + SourceRole.allWireNames());
            }
        }
        Optional<String> urlText = text(node, "url");
        if (urlText.isEmpty()) {
            return Parsed.error("'url' is required");
        }
        Optional<String> url = CanonicalUrl.of(urlText.get());
        if (url.isEmpty()) {
            return Parsed.error("'url' must be an absolute http or https URL");
        }
        Optional<String> titleText = text(node, "title");
        String title = titleText.map(HtmlText::inline).orElse("");
        if (title.isBlank()) {
            return Parsed.error("'title' is required");
        }
        Optional<String> publishedText = text(node, "published");
        if (publishedText.isEmpty()) {
            return Parsed.error("'published' is required (an import cannot guess a date)");
        }
        Optional<Instant> published = parseTime(publishedText.get().trim());
        if (published.isEmpty()) {
            return Parsed.error("'published' is not an ISO-8601 date or date-time: " + clip(publishedText.get(), 40));
        }
        Optional<String> langText = text(node, "lang");
        String lang = null;
        if (langText.isPresent() && !langText.get().isBlank()) {
            lang = langText.get().trim().toLowerCase(Locale.ROOT);
            if (!LANG.matcher(lang).matches()) {
                return Parsed.error("'lang' must be an ISO 639 code such as kk, ru or en");
            }
        }
        Normaliser.Result r = Pipeline.normalise(new Normaliser.Raw(source, role, url.get(), text(node, "guid").orElse(null), title,
                text(node, "body").orElse(""), null, published.get(), now, lang, null, null), true);
        return r.document() != null ? new Parsed(r.document(), null) : Parsed.error(r.reason());
    }

    /** ISO-8601 with offset or zone; a date or date-time without one is read as UTC (docs/sources.md, "Import"). */
    static Optional<Instant> parseTime(String s) {
        try {
            return Optional.of(OffsetDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(ZonedDateTime.parse(s).toInstant());
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDateTime.parse(s).toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            // try the next form
        }
        try {
            return Optional.of(LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC));
        } catch (DateTimeParseException ignored) {
            return Optional.empty();
        }
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        return v.isValueNode() ? Optional.of(v.asText()) : Optional.empty();
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
