package tyndau.ingest;

import tyndau.language.Languages;

import java.time.Instant;
import java.util.Optional;
import tyndau.document.NewDocument;
import tyndau.source.SourceRole;

/**
 * The one rule by which every {@link NewDocument} is built, whatever it came from (an import line, a
 * feed item, a scraped article, {@code /api/analyze}): the canonical URL, the body as sanitised HTML
 * and plain text, the title (an untitled item is named by its first words), every
 * length clipped to what the database holds so that no item can fail its batch, and the language.
 */
public final class Normaliser {
    /** Longest title kept, in characters (the column holds 2,000). */
    public static final int MAX_TITLE = 2000;
    /** Longest plain-text body and sanitised HTML kept, in characters (the columns hold 1,000,000). */
    public static final int MAX_BODY = 1_000_000;
    /** Longest GUID kept (the column holds 1,024); a longer one is cut, which keeps it a stable key. */
    public static final int MAX_GUID = 1024;
    /** Longest canonical URL accepted (the column holds 4,096); a longer one cannot be stored and is refused. */
    public static final int MAX_URL = 4096;
    /**
     * A publication time further in the future than this is not believed (clocks and time zones err by
     * hours, not more): an import line is refused, a fetched item kept as undateable with a warning, so
     * that one wrong date cannot push every default range forward.
     */
    public static final java.time.Duration MAX_FUTURE = java.time.Duration.ofHours(14);
    /** An untitled item (some social feeds) is named by its first words, about this many characters. */
    static final int UNTITLED_CHARS = 100;

    private Normaliser() {
    }

    /**
     * What a source handed over, before normalising. {@code body} is plain text or HTML (told apart
     * here), unless {@code extractedHtml} is given: then an extractor already made {@code body} the
     * text of that sanitised HTML. {@code language} is authoritative when given (an importer said so);
     * otherwise the text decides, then {@code declared} (page or feed), then {@code sourceLanguage}.
     * {@code published} null means undateable.
     */
    public record Raw(String sourceId, SourceRole role, String url, String guid, String title, String body, String extractedHtml,
                      Instant published, Instant fetched, String language, String declared, String sourceLanguage) {
    }

    /** Either a document or the reason there is none; {@code warning} says what was changed on the way (or null). */
    public record Result(NewDocument document, String reason, String warning) {
        Result(NewDocument document, String reason) {
            this(document, reason, null);
        }

        static Result refused(String reason) {
            return new Result(null, reason);
        }
    }

    /** As {@link #normalise(Raw)}; an import ({@code strictDates}) refuses a date in the future instead of dropping it. */
    public static Result normalise(Raw raw, boolean strictDates) {
        Instant now = Instant.now();
        if (raw.published() != null && raw.published().isAfter(now.plus(MAX_FUTURE))) {
            String what = "'published' " + raw.published() + " is in the future (more than " + MAX_FUTURE.toHours() + " h ahead)";
            if (strictDates) {
                return Result.refused(what);
            }
            Result r = normalise(new Raw(raw.sourceId(), raw.role(), raw.url(), raw.guid(), raw.title(), raw.body(), raw.extractedHtml(),
                    null, raw.fetched(), raw.language(), raw.declared(), raw.sourceLanguage()));
            return r.document() == null ? r : new Result(r.document(), null, what + ": kept as undateable");
        }
        return normalise(raw);
    }

    public static Result normalise(Raw raw) {
        Optional<String> url = raw.url() == null ? Optional.empty() : CanonicalUrl.of(raw.url());
        if (url.isEmpty()) {
            return Result.refused("no usable URL (an absolute http or https URL is needed)");
        }
        if (url.get().length() > MAX_URL) {
            return Result.refused("the URL is longer than " + MAX_URL + " characters");
        }
        String rawBody = raw.body() == null ? "" : raw.body();
        String text;
        String html = null;
        if (raw.extractedHtml() != null) {
            html = clip(raw.extractedHtml(), MAX_BODY);
            text = rawBody.strip();
        } else if (HtmlText.looksLikeHtml(rawBody)) {
            html = clip(HtmlText.sanitise(rawBody), MAX_BODY);
            text = HtmlText.text(rawBody);
        } else {
            text = rawBody.strip();
        }
        text = clip(text, MAX_BODY);
        // Titles arrive as text (feed parsers and extractors decode them; an import line's is decoded by its
        // parser): markup is not taken out again, or a decoded "&lt;script&gt;" would vanish as a tag.
        String title = raw.title() == null ? "" : raw.title().strip();
        if (title.isEmpty()) {
            title = firstWords(text);
        }
        if (title.isEmpty()) {
            return Result.refused("neither a title nor any text");
        }
        String guid = raw.guid() == null || raw.guid().isBlank() ? null : clip(raw.guid().strip(), MAX_GUID);
        String language = raw.language() != null && !raw.language().isBlank()
                ? raw.language().strip().toLowerCase(java.util.Locale.ROOT)
                : Languages.decide(tyndau.document.DocumentRow.join(title, text), raw.declared(), raw.sourceLanguage());
        return new Result(new NewDocument(raw.sourceId(), raw.role(), url.get(), guid, clip(title, MAX_TITLE), text, html,
                raw.published(), raw.fetched() == null ? Instant.now() : raw.fetched(), language), null);
    }

    /** A title for an untitled item: its first words, at most about {@link #UNTITLED_CHARS} characters. */
    static String firstWords(String text) {
        String t = text.strip().replaceAll("\\s+", " ");
        if (t.length() <= UNTITLED_CHARS) {
            return t;
        }
        int cut = t.lastIndexOf(' ', UNTITLED_CHARS);
        return t.substring(0, cut > 40 ? cut : UNTITLED_CHARS) + "…";
    }

    /** Cuts at {@code max} characters without splitting a surrogate pair. */
    static String clip(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
