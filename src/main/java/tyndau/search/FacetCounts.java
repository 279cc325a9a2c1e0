package tyndau.search;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;

/** Counts matching documents per value of keyword fields, from sorted (set) doc values: no stored fields read, one pass for every field. */
final class FacetCounts implements CollectorManager<FacetCounts.Counter, Map<String, Map<String, Long>>> {
    private final List<String> fields;

    FacetCounts(List<String> fields) {
        this.fields = fields;
    }

    @Override
    public Counter newCollector() {
        return new Counter(fields);
    }

    @Override
    public Map<String, Map<String, Long>> reduce(Collection<Counter> collectors) {
        Map<String, Map<String, Long>> out = new LinkedHashMap<>();
        for (String f : fields) {
            Map<String, Long> merged = new HashMap<>();
            for (Counter c : collectors) {
                c.totals.get(f).forEach((k, v) -> merged.merge(k, v, Long::sum));
            }
            out.put(f, sortByCount(merged));
        }
        return out;
    }

    static Map<String, Long> sortByCount(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    static final class Counter extends SimpleCollector {
        private final List<String> fields;
        final Map<String, Map<String, Long>> totals = new HashMap<>();
        private final List<SortedSetDocValues> values = new ArrayList<>();
        private final List<int[]> ordCounts = new ArrayList<>();

        Counter(List<String> fields) {
            this.fields = fields;
            fields.forEach(f -> totals.put(f, new HashMap<>()));
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            flush();
            values.clear();
            ordCounts.clear();
            for (String f : fields) {
                SortedSetDocValues dv = DocValues.getSortedSet(context.reader(), f);
                values.add(dv);
                ordCounts.add(new int[(int) Math.max(0, dv.getValueCount())]);
            }
        }

        @Override
        public void collect(int doc) throws IOException {
            for (int i = 0; i < values.size(); i++) {
                SortedSetDocValues dv = values.get(i);
                if (dv.advanceExact(doc)) {
                    int[] counts = ordCounts.get(i);
                    for (int k = 0; k < dv.docValueCount(); k++) {
                        counts[(int) dv.nextOrd()]++;
                    }
                }
            }
        }

        @Override
        public void finish() throws IOException {
            flush();
        }

        private void flush() throws IOException {
            for (int i = 0; i < values.size(); i++) {
                int[] counts = ordCounts.get(i);
                SortedSetDocValues dv = values.get(i);
                Map<String, Long> into = totals.get(fields.get(i));
                for (int ord = 0; ord < counts.length; ord++) {
                    if (counts[ord] > 0) {
                        into.merge(dv.lookupOrd(ord).utf8ToString(), (long) counts[ord], Long::sum);
                        counts[ord] = 0;
                    }
                }
            }
        }

        @Override
        public void setScorer(Scorable scorer) {
            // counts only
        }

        @Override
        public ScoreMode scoreMode() {
            return ScoreMode.COMPLETE_NO_SCORES;
        }
    }
}
