package tyndau.ui;

import io.quarkus.qute.TemplateExtension;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Formatting used by the page templates ({@code {doc.tone.toneText}}, {@code {doc.published.utc}}). */
@TemplateExtension
class UiFormats {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private UiFormats() {
    }

    static String utc(Instant at) {
        return at == null ? "" : UTC.format(at);
    }

    /** Two decimals and the class the tone evaluation uses (above 0.1 positive, below −0.1 negative). */
    static String toneText(Double tone) {
        if (tone == null) {
            return "no signal (the tone model could read nothing here; left out of tone averages)";
        }
        String label = tone > 0.1 ? "positive" : tone < -0.1 ? "negative" : "neutral";
        return String.format(Locale.ROOT, "%+.2f (%s)", tone, label);
    }

    /** The address when it is an http(s) URL; anything else (javascript:, data:) is not made a link. */
    static String safeHref(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim().toLowerCase(Locale.ROOT);
        return u.startsWith("https://") || u.startsWith("http://") ? url.trim() : null;
    }
}
