package tyndau.language;

import java.io.Reader;
import java.util.regex.Pattern;
import org.apache.lucene.analysis.pattern.PatternReplaceCharFilter;

/** Initials glued to a surname ("Б.Обама", "Қ.Тоқаев"), which the tokenizer would read as one word. */
public final class Initials {
    /** A full stop between two Cyrillic letters. */
    private static final Pattern GLUED_INITIAL = Pattern.compile("(?<=\\p{IsCyrillic})\\.(?=\\p{IsCyrillic})");

    private Initials() {
    }

    /**
     * Reads a glued initial (common in Russian and Kazakh news) as two words, as UAX #29 word breaking does not. The
     * stop becomes a space of the same length, so offsets (and highlights) stay where they were.
     */
    public static Reader split(Reader reader) {
        return new PatternReplaceCharFilter(GLUED_INITIAL, " ", reader);
    }
}
