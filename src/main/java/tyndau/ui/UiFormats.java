package tyndau.ui;

import io.quarkus.qute.TemplateExtension;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Formatting used by the page templates, in the page's language ({@code {from.day}} is "3 ақп. 2023",
 * "3 февр. 2023" or "3 Feb 2023"; {@code {n.number}} is "1 510" or "1,510"). Instants are shown in UTC,
 * the one clock the service's data are compared on.
 */
@TemplateExtension
class UiFormats {
    private UiFormats() {
    }

    private static Locale locale(Object attribute) {
        return attribute instanceof Locale l ? l : Locale.ENGLISH;
    }

    static String day(LocalDate d, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return d == null ? "" : DateTimeFormatter.ofPattern("d MMM y", locale(locale)).format(d);
    }

    static String dateTime(Instant at, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return at == null ? "" : DateTimeFormatter.ofPattern("d MMM y, HH:mm 'UTC'", locale(locale))
                .withZone(ZoneOffset.UTC).format(at);
    }

    static String number(long n, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        return NumberFormat.getIntegerInstance(locale(locale)).format(n);
    }

    /** A tone with its sign and two decimals in the page's language: "+0.25", "-0,40". */
    static String signed(Double tone, @TemplateExtension.TemplateAttribute("locale") Object locale) {
        if (tone == null) {
            return "–";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale(locale));
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return (tone > 0 ? "+" : tone < 0 ? "-" : "") + f.format(Math.abs(tone));
    }

    /** A share in [0, 1] as a whole percentage: 0.734 → "73". */
    static String percent(Double share) {
        return share == null ? "–" : Long.toString(Math.round(share * 100));
    }

    /** The class the tone evaluation uses: above 0.1 positive, below −0.1 negative, else neutral. */
    static String toneClass(Double tone) {
        return tone == null ? "none" : tone > 0.1 ? "positive" : tone < -0.1 ? "negative" : "neutral";
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
