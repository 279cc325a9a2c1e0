package tyndau.ingest;

import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.safety.Safelist;

/** Plain text and sanitised HTML from a body that may be either. */
public final class HtmlText {
    private static final Pattern LOOKS_LIKE_HTML = Pattern.compile("<\\s*/?\\s*[a-zA-Z][a-zA-Z0-9]*[^<>]*>");
    // Formatting that helps a reader; no scripts, styles, event handlers or remote media.
    private static final Safelist STORED = Safelist.basic().addTags("h2", "h3", "h4", "figure", "figcaption");

    private HtmlText() {
    }

    public static boolean looksLikeHtml(String body) {
        return body != null && LOOKS_LIKE_HTML.matcher(body).find();
    }

    /** The text a reader sees, block elements separated by blank lines; whitespace collapsed. */
    public static String text(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        doc.select("script, style, noscript, template").remove();
        doc.select("p, div, li, h1, h2, h3, h4, h5, h6, blockquote, br, tr").forEach(e -> e.after("\n\n"));
        StringBuilder out = new StringBuilder();
        for (String block : doc.wholeText().split("\\n\\s*\\n")) {
            String clean = block.replaceAll("\\s+", " ").trim();
            if (!clean.isEmpty()) {
                if (out.length() > 0) {
                    out.append("\n\n");
                }
                out.append(clean);
            }
        }
        return out.toString();
    }

    /** HTML safe to store and show again: Jsoup's basic safelist, links forced to nofollow. */
    public static String sanitise(String html) {
        return Jsoup.clean(html, STORED);
    }

    /** A title or short field: tags removed, entities decoded, whitespace collapsed. */
    public static String inline(String maybeHtml) {
        String text = looksLikeHtml(maybeHtml) || maybeHtml.contains("&") ? Jsoup.parse(maybeHtml).text() : maybeHtml;
        return text.replaceAll("\\s+", " ").trim();
    }
}
