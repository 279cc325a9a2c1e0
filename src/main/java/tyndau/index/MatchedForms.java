package tyndau.index;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.ReaderUtil;
import org.apache.lucene.index.Term;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.QueryVisitor;

/**
 * The words, as written, that a query matched in some documents: what a topic's "Китай" caught
 * (Китая, Китаем, КНР...). Read from the offsets the text fields keep in their postings and the stored
 * text, so nothing is analysed again; wildcards count by the terms they rewrite to.
 */
public final class MatchedForms {

    /** A form as written (lower case) and the number of the given documents holding it. */
    public record Form(String form, int documents) {
    }

    private MatchedForms() {
    }

    /** The forms {@code query} matched in {@code docs} (top-level doc ids), most documents first, at most {@code limit}. */
    public static List<Form> of(IndexSearcher searcher, Query query, int[] docs, int limit) throws IOException {
        Set<Term> terms = new LinkedHashSet<>();
        searcher.rewrite(query).visit(QueryVisitor.termCollector(terms));
        Set<String> textFields = Set.of(Analyzers.textFields());
        terms.removeIf(t -> !textFields.contains(t.field()));
        Map<String, Integer> counts = new HashMap<>();
        List<LeafReaderContext> leaves = searcher.getIndexReader().leaves();
        for (int doc : docs) {
            LeafReaderContext leaf = leaves.get(ReaderUtil.subIndex(doc, leaves));
            int local = doc - leaf.docBase;
            String text = storedText(searcher, doc);
            if (text == null) {
                continue;
            }
            Set<String> inDoc = new HashSet<>();
            for (Term t : terms) {
                Terms field = leaf.reader().terms(t.field());
                if (field == null) {
                    continue;
                }
                TermsEnum te = field.iterator();
                if (!te.seekExact(t.bytes())) {
                    continue;
                }
                PostingsEnum p = te.postings(null, PostingsEnum.OFFSETS);
                if (p.advance(local) != local) {
                    continue;
                }
                for (int i = 0; i < p.freq(); i++) {
                    p.nextPosition();
                    int start = p.startOffset();
                    int end = p.endOffset();
                    if (start >= 0 && end <= text.length() && start < end) {
                        inDoc.add(text.substring(start, end).toLowerCase(Locale.ROOT));
                    }
                }
            }
            inDoc.forEach(f -> counts.merge(f, 1, Integer::sum));
        }
        List<Form> out = new ArrayList<>();
        counts.forEach((f, n) -> out.add(new Form(f, n)));
        out.sort(Comparator.comparingInt(Form::documents).reversed().thenComparing(Form::form));
        return out.size() > limit ? List.copyOf(out.subList(0, limit)) : out;
    }

    /** The indexed text (title and body), from whichever text field stores it. */
    private static String storedText(IndexSearcher searcher, int doc) throws IOException {
        Set<String> fields = new HashSet<>(List.of(Analyzers.textFields()));
        org.apache.lucene.document.Document stored = searcher.storedFields().document(doc, fields);
        for (String f : Analyzers.textFields()) {
            String v = stored.get(f);
            if (v != null) {
                return v;
            }
        }
        return null;
    }
}
