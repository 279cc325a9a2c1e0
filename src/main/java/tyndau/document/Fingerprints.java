package tyndau.document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keys for deduplication beyond the URL: a normalised-title key (re-posts within one source) and a
 * MinHash signature of the body's word shingles with LSH band keys (syndicated copies across
 * sources: a dateline or a credit line added to a 60-word story keeps Jaccard near 0.85).
 */
public final class Fingerprints {
    /** Words per shingle: three keeps reordered boilerplate from looking alike. */
    private static final int SHINGLE = 3;

    private Fingerprints() {
    }

    /** SHA-256 of the title lower-cased, NFKC-normalised, with punctuation and spacing folded; null for an empty title. */
    public static String titleKey(String title) {
        if (title == null) {
            return null;
        }
        String folded = String.join(" ", words(title));
        return folded.isEmpty() ? null : Hashes.sha256(folded);
    }

    /** Letters-and-digits words, lower-cased, NFKC-normalised (ё folded to е). */
    static List<String> words(String text) {
        String n = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е');
        List<String> out = new ArrayList<>();
        StringBuilder w = new StringBuilder();
        for (int i = 0; i < n.length(); ) {
            int cp = n.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                w.appendCodePoint(cp);
            } else if (w.length() > 0) {
                out.add(w.toString());
                w.setLength(0);
            }
        }
        if (w.length() > 0) {
            out.add(w.toString());
        }
        return out;
    }

    /** Hash functions in a signature; {@link #BANDS} bands of {@link #ROWS} rows each. */
    public static final int HASHES = 32;
    public static final int BANDS = 8;
    static final int ROWS = HASHES / BANDS;

    /**
     * MinHash signature of the text's word 3-shingles (Broder 1997), or null when the text has fewer
     * than {@code minWords} words (too short to judge).
     */
    public static long[] minhash(String text, int minWords) {
        if (text == null) {
            return null;
        }
        List<String> words = words(text);
        if (words.size() < Math.max(minWords, SHINGLE)) {
            return null;
        }
        long[] sig = new long[HASHES];
        java.util.Arrays.fill(sig, Long.MAX_VALUE);
        StringBuilder s = new StringBuilder();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            s.setLength(0);
            for (int j = 0; j < SHINGLE; j++) {
                s.append(words.get(i + j)).append(' ');
            }
            long h = hash64(s);
            for (int k = 0; k < HASHES; k++) {
                long v = mix(h ^ SEEDS[k]);
                if (v < sig[k]) {
                    sig[k] = v;
                }
            }
        }
        return sig;
    }

    /**
     * Locality-sensitive band keys: two signatures share a band with probability 1-(1-J^4)^8 for
     * Jaccard similarity J (0.999 at J=0.85, 0.4 at J=0.5, 0.03 at J=0.3).
     */
    public static int[] bands(long[] sig) {
        int[] out = new int[BANDS];
        for (int b = 0; b < BANDS; b++) {
            long h = 0x9E3779B97F4A7C15L * (b + 1);
            for (int r = 0; r < ROWS; r++) {
                h = mix(h ^ sig[b * ROWS + r]);
            }
            out[b] = (int) (h ^ (h >>> 32));
        }
        return out;
    }

    /** Estimated Jaccard similarity: the share of equal signature positions. */
    public static double similarity(long[] a, long[] b) {
        int same = 0;
        for (int i = 0; i < HASHES; i++) {
            if (a[i] == b[i]) {
                same++;
            }
        }
        return same / (double) HASHES;
    }

    /** Hex text of a signature, for storage. */
    public static String encode(long[] sig) {
        StringBuilder b = new StringBuilder(HASHES * 16);
        for (long v : sig) {
            b.append(String.format("%016x", v));
        }
        return b.toString();
    }

    public static long[] decode(String hex) {
        if (hex == null || hex.length() != HASHES * 16) {
            return null;
        }
        long[] sig = new long[HASHES];
        for (int i = 0; i < HASHES; i++) {
            sig[i] = Long.parseUnsignedLong(hex, i * 16, i * 16 + 16, 16);
        }
        return sig;
    }

    private static final long[] SEEDS = new long[HASHES];

    static {
        long x = 0x2545F4914F6CDD1DL;
        for (int i = 0; i < HASHES; i++) {
            x = mix(x + 0x9E3779B97F4A7C15L);
            SEEDS[i] = x;
        }
    }

    private static long mix(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1a85ec5L;
        h ^= h >>> 33;
        return h;
    }

    /** FNV-1a over the UTF-16 units, finished with a 64-bit mixer so that nearby strings spread over all bits. */
    private static long hash64(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        return mix(h);
    }
}
