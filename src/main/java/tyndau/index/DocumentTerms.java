package tyndau.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.analysis.tokenattributes.OffsetAttribute;
import org.apache.lucene.analysis.tokenattributes.PositionIncrementAttribute;
import tyndau.document.DocumentRow;

/**
 * The terms a document would put in each field of the index ({@link IndexSchema#toLucene}), with the
 * position and text offset of every occurrence: what topic queries are matched against, once per
 * document, whole or one sentence at a time (an occurrence belongs to the sentence its offset falls
 * in). Whole-value fields hold their value "everywhere" (offset -1).
 */
public final class DocumentTerms {
    private static final int[] NONE = new int[0];

    /** field → term → [position, offset, position, offset, ...] in text order. */
    private final Map<String, Map<String, int[]>> fields = new HashMap<>();
    private final Instant published;

    private DocumentTerms(Instant published) {
        this.published = published;
    }

    /** Analyses {@code row} with the index's own analysers. */
    public static DocumentTerms of(DocumentRow row) {
        DocumentTerms t = new DocumentTerms(row.published());
        t.keyword(IndexSchema.ID, Long.toString(row.id()));
        t.keyword(IndexSchema.SOURCE, row.source());
        t.keyword(IndexSchema.ROLE, row.role());
        t.keyword(IndexSchema.SIDE, row.side());
        t.keyword(IndexSchema.LANG, row.language() == null ? "und" : row.language());
        if (row.published() == null) {
            t.keyword(IndexSchema.UNDATEABLE, "true");
        }
        if (row.duplicateOf() != null) {
            t.keyword(IndexSchema.DUPLICATE_OF, Long.toString(row.duplicateOf()));
        }
        if (row.reading() != null) {
            t.keyword(IndexSchema.TONE_LABEL, row.reading().label());
        }
        String text = row.text();
        String stemmed = Analyzers.fieldOf(row.language());
        if (stemmed != null) {
            t.analyse(stemmed, text);
        }
        t.analyse(IndexSchema.TEXT_ANY, text);
        return t;
    }

    private void keyword(String field, String value) {
        if (value != null) {
            fields.computeIfAbsent(field, f -> new HashMap<>()).put(value, new int[] {0, -1});
        }
    }

    private void analyse(String field, String text) {
        Map<String, int[]> terms = new HashMap<>();
        Map<String, Integer> sizes = new HashMap<>();
        try (TokenStream ts = Analyzers.PER_FIELD.tokenStream(field, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            PositionIncrementAttribute inc = ts.addAttribute(PositionIncrementAttribute.class);
            OffsetAttribute offset = ts.addAttribute(OffsetAttribute.class);
            ts.reset();
            int position = -1;
            while (ts.incrementToken()) {
                position += inc.getPositionIncrement();
                String key = term.toString();
                int[] occ = terms.get(key);
                int size = occ == null ? 0 : sizes.get(key);
                if (occ == null || size + 2 > occ.length) {
                    occ = occ == null ? new int[4] : java.util.Arrays.copyOf(occ, occ.length * 2);
                    terms.put(key, occ);
                }
                occ[size] = position;
                occ[size + 1] = offset.startOffset();
                sizes.put(key, size + 2);
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a document failed", e);
        }
        terms.replaceAll((k, occ) -> occ.length == sizes.get(k) ? occ : java.util.Arrays.copyOf(occ, sizes.get(k)));
        fields.put(field, terms);
    }

    /** Occurrences of {@code term} in {@code field} as [position, offset] pairs (empty when absent). */
    public int[] occurrences(String field, String term) {
        Map<String, int[]> terms = fields.get(field);
        int[] occ = terms == null ? null : terms.get(term);
        return occ == null ? NONE : occ;
    }

    /** True when {@code term} occurs in {@code field} with its start in [from, to), or the field is a whole value. */
    public boolean has(String field, String term, int from, int to) {
        int[] occ = occurrences(field, term);
        for (int i = 0; i < occ.length; i += 2) {
            if (occ[i + 1] < 0 || (occ[i + 1] >= from && occ[i + 1] < to)) {
                return true;
            }
        }
        return false;
    }

    /**
     * True when, at each of the given relative positions, one of its terms occurs (one term per position
     * for a plain phrase, several where a word has several lemmas), the first starting in [from, to).
     */
    public boolean phrase(String field, String[][] terms, int[] positions, int from, int to) {
        for (String first : terms[0]) {
            if (phraseFrom(field, first, terms, positions, from, to)) {
                return true;
            }
        }
        return false;
    }

    private boolean phraseFrom(String field, String firstTerm, String[][] terms, int[] positions, int from, int to) {
        int[] first = occurrences(field, firstTerm);
        outer:
        for (int i = 0; i < first.length; i += 2) {
            int off = first[i + 1];
            if (off >= 0 && (off < from || off >= to)) {
                continue;
            }
            int base = first[i] - positions[0];
            for (int k = 1; k < terms.length; k++) {
                boolean any = false;
                for (String t : terms[k]) {
                    if (at(occurrences(field, t), base + positions[k])) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    private static boolean at(int[] occ, int position) {
        for (int i = 0; i < occ.length; i += 2) {
            if (occ[i] == position) {
                return true;
            }
        }
        return false;
    }

    public Instant published() {
        return published;
    }
}
