package tyndau.ingest.feeds;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Guesses the 8-bit character set of bytes that are not UTF-8 and say nothing about themselves:
 * windows-1251, KOI8-R, ISO-8859-5 and IBM866 (the Cyrillic sets seen in Kazakh and Russian feeds)
 * against windows-1252. Each candidate's reading is scored by the log-likelihood of its non-ASCII
 * characters under a letter-frequency model of Russian (letters, mostly lower case, in words without
 * Latin letters) or of Latin-script text (an accented letter among ASCII letters). A wrong Cyrillic
 * set turns frequent lower-case letters into rare or upper-case ones, and Cyrillic read as
 * windows-1252 gives words made only of accented letters, so the right reading wins by a wide
 * margin on a sentence or more.
 */
final class CharsetSniffer {
    static final int SAMPLE = 256 * 1024;
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final List<Charset> CANDIDATES = candidates();
    // Russian letter frequencies in percent (national corpus counts, rounded).
    private static final Map<Character, Double> RUSSIAN = Map.ofEntries(
            Map.entry('о', 10.97), Map.entry('е', 8.45), Map.entry('а', 8.01), Map.entry('и', 7.35),
            Map.entry('н', 6.70), Map.entry('т', 6.26), Map.entry('с', 5.47), Map.entry('р', 4.73),
            Map.entry('в', 4.54), Map.entry('л', 4.40), Map.entry('к', 3.49), Map.entry('м', 3.21),
            Map.entry('д', 2.98), Map.entry('п', 2.81), Map.entry('у', 2.62), Map.entry('я', 2.01),
            Map.entry('ы', 1.90), Map.entry('ь', 1.74), Map.entry('г', 1.70), Map.entry('з', 1.65),
            Map.entry('б', 1.59), Map.entry('ч', 1.44), Map.entry('й', 1.21), Map.entry('х', 0.97),
            Map.entry('ж', 0.94), Map.entry('ш', 0.73), Map.entry('ю', 0.64), Map.entry('ц', 0.48),
            Map.entry('щ', 0.36), Map.entry('э', 0.32), Map.entry('ф', 0.26), Map.entry('ъ', 0.04),
            Map.entry('ё', 0.04), Map.entry('і', 0.50));
    private static final String PUNCTUATION = "\u00a0«»—–…“”„‘’‚№·•©®°±§";
    private static final double OTHER_CYRILLIC = Math.log(0.0005);
    private static final double UPPER = Math.log(0.05);
    private static final double LOWER = Math.log(0.95);
    private static final double MIXED_SCRIPT = Math.log(0.001);
    private static final double ACCENTED_AMONG_ASCII = Math.log(0.02);
    private static final double ACCENTED_RUN = Math.log(0.0001);
    private static final double COMMON_PUNCTUATION = Math.log(0.01);
    private static final double IMPLAUSIBLE = Math.log(0.00001);

    private CharsetSniffer() {
    }

    /**
     * The likeliest set; {@code confident} is false when even its reading is implausible (below
     * {@link #PLAUSIBLE} per non-ASCII character: measured about -3.2 for Russian and -4 for Latin
     * text in their own sets, -6 to -7.7 for Chinese, Japanese, Korean and Thai, which are not sniffed).
     */
    record Guess(Charset charset, boolean confident) {
    }

    static final double PLAUSIBLE = -5.0;

    static Guess guess(byte[] body) {
        int n = Math.min(body.length, SAMPLE);
        Charset best = WINDOWS_1252;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (Charset cs : CANDIDATES) {
            double s = score(new String(body, 0, n, cs));
            if (s > bestScore) {
                bestScore = s;
                best = cs;
            }
        }
        int high = 0;
        for (int i = 0; i < n; i++) {
            high += body[i] < 0 ? 1 : 0;
        }
        return new Guess(best, high == 0 || bestScore / high >= PLAUSIBLE);
    }

    /** Log-likelihood of the non-ASCII characters of {@code text}; higher is more plausible. */
    static double score(String text) {
        double total = 0;
        int len = text.length();
        int i = 0;
        while (i < len) {
            char c = text.charAt(i);
            if (c < 0x80) {
                i++;
                continue;
            }
            if (!Character.isLetter(c)) {
                total += PUNCTUATION.indexOf(c) >= 0 ? COMMON_PUNCTUATION : IMPLAUSIBLE;
                i++;
                continue;
            }
            int start = i;
            while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
                start--;
            }
            int end = i;
            while (end < len && Character.isLetter(text.charAt(end))) {
                end++;
            }
            total += word(text, start, end);
            i = end;
        }
        return total;
    }

    /** Scores the non-ASCII letters of the word {@code text[start, end)}. */
    private static double word(String text, int start, int end) {
        boolean ascii = false;
        for (int j = start; j < end; j++) {
            ascii |= text.charAt(j) < 0x80;
        }
        double total = 0;
        for (int j = start; j < end; j++) {
            char c = text.charAt(j);
            if (c < 0x80) {
                continue;
            }
            if (Character.UnicodeScript.of(c) == Character.UnicodeScript.CYRILLIC) {
                Double f = RUSSIAN.get(Character.toLowerCase(c));
                total += f == null ? OTHER_CYRILLIC : Math.log(f / 100);
                total += Character.isUpperCase(c) ? UPPER : LOWER;
                if (ascii) {
                    total += MIXED_SCRIPT;
                }
            } else {
                total += ascii || end - start == 1 ? ACCENTED_AMONG_ASCII : ACCENTED_RUN;
            }
        }
        return total;
    }

    private static List<Charset> candidates() {
        List<Charset> out = new ArrayList<>();
        for (String name : new String[] {"windows-1251", "KOI8-R", "ISO-8859-5", "IBM866", "windows-1252"}) {
            if (Charset.isSupported(name)) {
                out.add(Charset.forName(name));
            }
        }
        return List.copyOf(out);
    }
}
