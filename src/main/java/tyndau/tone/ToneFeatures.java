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
                n = ngrams(word, mask, out, n);
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
                // The trigrams of " word ": FNV-1a of "t", the separator and three characters, each mixed, as hash() does.
                int length = j - i + 2;
                out = grow(out, n + length);
                for (int k = 0; k + 3 <= length; k++) {
                    int h = TRIGRAM_SEED;
                    for (int m = k; m < k + 3; m++) {
                        h = (h ^ bounded(lower, i, j, m)) * 0x01000193;
                    }
                    out[n++] = mix(h) & mask;
                }
                i = j;
            } else {
                i += Character.charCount(cp);
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static final int NGRAM_SEED = seed("c");
    private static final int TRIGRAM_SEED = seed("t");

    /**
     * The character 2–5-grams of {@code " " + word + " "}, hashed as {@link #hash(String, String, int, int)} hashes
     * them with kind "c", into {@code out} from {@code n}: each start extends one running hash a character at a time
     * instead of hashing every n-gram from its start (the same values, a third of the work, no strings).
     */
    static int ngrams(String word, int mask, int[] out, int n) {
        int length = word.length() + 2;
        for (int k = 0; k + 2 <= length; k++) {
            int h = NGRAM_SEED;
            for (int size = 1; size <= 5 && k + size <= length; size++) {
                h = (h ^ bounded(word, 0, word.length(), k + size - 1)) * 0x01000193;
                if (size >= 2) {
                    out[n++] = mix(h) & mask;
                }
            }
        }
        return n;
    }

    /** Character {@code m} of {@code " " + s.substring(from, to) + " "}, without building it. */
    private static char bounded(String s, int from, int to, int m) {
        return m == 0 || m == to - from + 1 ? ' ' : s.charAt(from + m - 1);
    }

    /** The FNV-1a state after a kind and its separator. */
    private static int seed(String kind) {
        int h = 0x811c9dc5;
        for (int k = 0; k < kind.length(); k++) {
            h = (h ^ kind.charAt(k)) * 0x01000193;
        }
        return (h ^ 0x1f) * 0x01000193;
    }

    private static int mix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        return h;
    }

    private static int[] grow(int[] a, int need) {
        return need <= a.length ? a : Arrays.copyOf(a, Math.max(need, a.length * 2));
    }

    private static int hash(String kind, String s) {
        return hash(kind, s, 0, s.length());
    }

    /** FNV-1a over the kind and the characters, then a final mix: stable across runs and machines. */
    static int hash(String kind, String s, int from, int to) {
        int h = seed(kind);
        for (int k = from; k < to; k++) {
            h = (h ^ s.charAt(k)) * 0x01000193;
        }
        return mix(h);
    }
}
