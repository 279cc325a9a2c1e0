package tyndau.language;

import java.util.Locale;

/** The language stored for a fetched document: detected from its text, else what the page or feed declares, else the source's hint. */
public final class Languages {
    private Languages() {
    }

    public static String decide(String text, String declared, String sourceHint) {
        var detected = LanguageGuess.of(text == null ? "" : text);
        if (detected.isPresent()) {
            return detected.get();
        }
        String d = primary(declared);
        return d != null ? d : primary(sourceHint);
    }

    /** "ru-RU" → "ru"; null for anything that is not a 2–3 letter primary tag. */
    static String primary(String tag) {
        if (tag == null) {
            return null;
        }
        String p = tag.trim().toLowerCase(Locale.ROOT).split("[-_]")[0];
        return p.matches("[a-z]{2,3}") ? p : null;
    }
}
