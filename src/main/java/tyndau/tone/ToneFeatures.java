package tyndau.tone;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The features the tone model reads from a text, hashed into {@code 2^bits} buckets: lower-cased
 * words, word pairs, and the character 2–5-grams of each word with its boundaries (so inflected,
 * misspelt, Latin-script and code-switched forms share most of their features with the forms the
 * model learnt), plus emoji and other symbols as words of their own, plus what the caller adds (the
 * lexicon's reading of the sentence). Script-independent: one model reads Kazakh, Russian and English,
 * and a Kazakh sentence with Russian words in it.
 */
final class ToneFeatures {
    private ToneFeatures() {
    }

    /** Feature buckets of {@code text} and of the named {@code extras} (sorted, distinct). */
    static int[] of(String text, int bits, List<String> extras) {
        int mask = (1 << bits) - 1;
        int[] out = new int[64 + extras.size()];
        int n = 0;
        for (String x : extras) {
            out[n++] = hash("x", x) & mask;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        String previous = "^";
        int i = 0;
        while (i < lower.length()) {
            int cp = lower.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                int j = i;
                while (j < lower.length()) {
                    int c = lower.codePointAt(j);
                    if (!Character.isLetterOrDigit(c) && !(c == '\'' || c == '’' || c == '-') ) {
                        break;
                    }
                    j += Character.charCount(c);
                }
                String word = lower.substring(i, j);
                out = grow(out, n + 2 + 4 * (word.length() + 2));
                out[n++] = hash("w", word) & mask;
                out[n++] = hash(previous, word) & mask;
                String bounded = " " + word + " ";
                for (int size = 2; size <= 5; size++) {
                    for (int k = 0; k + size <= bounded.length(); k++) {
                        out[n++] = hash("c", bounded, k, k + size) & mask;
                    }
                }
                previous = word;
                i = j;
            } else {
                int type = Character.getType(cp);
                if (type == Character.OTHER_SYMBOL || type == Character.MATH_SYMBOL || cp == '!' || cp == '?') {
                    out = grow(out, n + 1);
                    out[n++] = hash("s", lower.substring(i, i + len)) & mask;
                }
                if (cp == '.' || cp == '!' || cp == '?' || cp == ';') {
                    previous = "^";
                }
                i += len;
            }
        }
        int[] features = Arrays.copyOf(out, n);
        Arrays.sort(features);
        int distinct = 0;
        for (int k = 0; k < features.length; k++) {
            if (k == 0 || features[k] != features[k - 1]) {
                features[distinct++] = features[k];
            }
        }
        return Arrays.copyOf(features, distinct);
    }

    /** Bits of the set of character trigrams training saw (what "the model can read" is measured on). */
    static final int TRIGRAM_BITS = 22;

    /** The character trigrams of the words of {@code text} with their boundaries, hashed into {@code 2^TRIGRAM_BITS}. */
    static int[] trigrams(String text) {
        int mask = (1 << TRIGRAM_BITS) - 1;
        String lower = text.toLowerCase(Locale.ROOT);
        int[] out = new int[Math.max(8, lower.length() + 2)];
        int n = 0;
        int i = 0;
        while (i < lower.length()) {
            int cp = lower.codePointAt(i);
            if (Character.isLetter(cp)) {
                int j = i;
                while (j < lower.length() && Character.isLetter(lower.codePointAt(j))) {
                    j += Character.charCount(lower.codePointAt(j));
                }
                String bounded = " " + lower.substring(i, j) + " ";
                for (int k = 0; k + 3 <= bounded.length(); k++) {
                    out = grow(out, n + 1);
                    out[n++] = hash("t", bounded, k, k + 3) & mask;
                }
                i = j;
            } else {
                i += Character.charCount(cp);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] grow(int[] a, int need) {
        return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
    }

    private static int hash(String kind, String s) {
        return hash(kind, s, 0, s.length());
    }

    /** FNV-1a over the kind and the characters, then a final mix: stable across runs and machines. */
    private static int hash(String kind, String s, int from, int to) {
        int h = 0x811c9dc5;
        for (int k = 0; k < kind.length(); k++) {
            h = (h ^ kind.charAt(k)) * 0x01000193;
        }
        h = (h ^ 0x1f) * 0x01000193;
        for (int k = from; k < to; k++) {
            h = (h ^ s.charAt(k)) * 0x01000193;
        }
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }
}
