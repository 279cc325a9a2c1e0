package tyndau.document;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Keys for deduplication beyond the URL: a normalised-title key (re-posts within one source) and a
 * 64-bit SimHash of the body's word shingles (syndicated copies across sources, Charikar 2002;
 * near-duplicate threshold as in Manku et al. 2007).
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

    /** SimHash of the text's word shingles, or empty when it has fewer than {@code minWords} words (too short to judge). */
    public static java.util.OptionalLong simhash(String text, int minWords) {
        if (text == null) {
            return java.util.OptionalLong.empty();
        }
        List<String> words = words(text);
        if (words.size() < Math.max(minWords, SHINGLE)) {
            return java.util.OptionalLong.empty();
        }
        int[] votes = new int[64];
        StringBuilder s = new StringBuilder();
        for (int i = 0; i + SHINGLE <= words.size(); i++) {
            s.setLength(0);
            for (int j = 0; j < SHINGLE; j++) {
                s.append(words.get(i + j)).append(' ');
            }
            long h = hash64(s);
            for (int b = 0; b < 64; b++) {
                votes[b] += ((h >>> b) & 1L) == 1L ? 1 : -1;
            }
        }
        long fingerprint = 0L;
        for (int b = 0; b < 64; b++) {
            if (votes[b] > 0) {
                fingerprint |= 1L << b;
            }
        }
        return java.util.OptionalLong.of(fingerprint);
    }

    /** The {@code i}-th 16-bit block (0..3) of a fingerprint. */
    public static int block(long simhash, int i) {
        return (int) ((simhash >>> (16 * i)) & 0xFFFF);
    }

    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** FNV-1a over the UTF-16 units, finished with a 64-bit mixer so that nearby strings spread over all bits. */
    private static long hash64(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb93fe1a85ec5L;
        h ^= h >>> 33;
        return h;
    }
}
