package tyndau.index;

import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.CollectorManager;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.Scorable;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.Scorer;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.Weight;

/**
 * Per day and side: documents matching a topic, all documents (for shares) and tone sums, in one
 * pass over the documents published in a range, reading DocValues only. Near-duplicates (documents
 * with {@link IndexSchema#DUPLICATE_OF}) are skipped, so a syndicated story counts once.
 */
public final class DailyCounts {
    /** Sides in array order. */
    public static final String[] SIDES = {"public", "government", "none"};

    /** One day's counts, indexed by side (see {@link #SIDES}). */
    public static final class Day {
        public final int[] topic = new int[3];
        public final int[] all = new int[3];
        public final double[] toneSum = new double[3];
        public final int[] toneCount = new int[3];
        /** Earliest publication (epoch ms) of a topic document per side; Long.MAX_VALUE when none. */
        public final long[] firstTopic = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};

        void merge(Day o) {
            for (int i = 0; i < 3; i++) {
                firstTopic[i] = Math.min(firstTopic[i], o.firstTopic[i]);
                topic[i] += o.topic[i];
                all[i] += o.all[i];
                toneSum[i] += o.toneSum[i];
                toneCount[i] += o.toneCount[i];
            }
        }
    }

    private DailyCounts() {
    }

    /** Where per-day counts of a stored topic ({@code null}: every document) come from ({@link LuceneIndex#daily}). */
    @FunctionalInterface
    public interface Source {
        Map<LocalDate, Day> count(IndexSearcher searcher, String topicId, Query q, Instant from, Instant to, ZoneId zone)
                throws IOException;
    }

    /** As {@link #count(IndexSearcher, Query, String, Instant, Instant, ZoneId)} with whole-document tone. */
    public static Map<LocalDate, Day> count(IndexSearcher searcher, Query topic, Instant from, Instant to, ZoneId zone)
            throws IOException {
        return count(searcher, topic, null, from, to, zone);
    }

    /**
     * Days with at least one document in [from, to); days without documents are absent. Tone is the
     * topic tone of {@code topicId} where a document has one, else the document's tone.
     */
    public static Map<LocalDate, Day> count(IndexSearcher searcher, Query topic, String topicId, Instant from, Instant to,
                                            ZoneId zone) throws IOException {
        String topicTone = topicId == null ? null : IndexSchema.TOPIC_TONE_PREFIX + topicId;
        Query range = LongPoint.newRangeQuery(IndexSchema.PUBLISHED, from.toEpochMilli(), to.toEpochMilli() - 1);
        Weight topicWeight = searcher.createWeight(searcher.rewrite(topic), ScoreMode.COMPLETE_NO_SCORES, 1f);
        return searcher.search(range, new CollectorManager<Counter, Map<LocalDate, Day>>() {
            @Override
            public Counter newCollector() {
                return new Counter(topicWeight, zone, topicTone);
            }

            @Override
            public Map<LocalDate, Day> reduce(Collection<Counter> collectors) {
                Map<LocalDate, Day> out = new TreeMap<>();
                for (Counter c : collectors) {
                    c.days.forEach((d, v) -> out.computeIfAbsent(d, k -> new Day()).merge(v));
                }
                return out;
            }
        });
    }

    /**
     * As {@link #count(IndexSearcher, Query, String, Instant, Instant, ZoneId)} in events (issue 31): per day and side,
     * {@code topic} and {@code all} count the distinct events ({@link IndexSchema#EVENT}, through {@code resolve}: an
     * id absorbed by a merge counts as its survivor) reported that day on that side, so an event counts once per day it
     * is reported, on each side that reported it. Copies are skipped as in documents (their event is their
     * original's); a document without an event counts as an event of its own. Tone stays the documents' mean.
     */
    public static Map<LocalDate, Day> countEvents(IndexSearcher searcher, Query topic, String topicId, Instant from, Instant to,
                                                  ZoneId zone, java.util.function.LongUnaryOperator resolve) throws IOException {
        String topicTone = topicId == null ? null : IndexSchema.TOPIC_TONE_PREFIX + topicId;
        Query range = LongPoint.newRangeQuery(IndexSchema.PUBLISHED, from.toEpochMilli(), to.toEpochMilli() - 1);
        Weight topicWeight = searcher.createWeight(searcher.rewrite(topic), ScoreMode.COMPLETE_NO_SCORES, 1f);
        Counter counter = new Counter(topicWeight, zone, topicTone, resolve);
        searcher.search(range, counter);
        for (Map.Entry<LocalDate, java.util.Set<Long>[]> e : counter.events.entrySet()) {
            Day d = counter.days.get(e.getKey());
            for (int s = 0; s < 3; s++) {
                d.all[s] = e.getValue()[s].size();
                d.topic[s] = e.getValue()[s + 3].size();
            }
        }
        return counter.days;
    }

    /** Undateable documents matching {@code q} per side ({@link #SIDES} order; "none" is not counted), copies included. */
    public static long[] undateable(IndexSearcher searcher, Query q) throws IOException {
        long[] out = new long[3];
        for (int side = 0; side < 2; side++) {
            Query u = new BooleanQuery.Builder()
                    .add(q, BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexSchema.UNDATEABLE, "true")), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexSchema.SIDE, SIDES[side])), BooleanClause.Occur.FILTER)
                    .build();
            out[side] = searcher.count(u);
        }
        return out;
    }

    private static final class Counter extends SimpleCollector {
        final Map<LocalDate, Day> days = new TreeMap<>();
        private final Weight topicWeight;
        private final ZoneId zone;
        private final String topicToneField;
        private NumericDocValues topicTone;
        private NumericDocValues published;
        private NumericDocValues tone;
        private NumericDocValues duplicate;
        private SortedDocValues side;
        private int[] sideOfOrd;
        private DocIdSetIterator topicDocs;
        private long dayStart = Long.MAX_VALUE;
        private long dayEnd = Long.MIN_VALUE;
        private Day current;
        /** Counting events ({@link #countEvents}): null when counting documents. */
        private final java.util.function.LongUnaryOperator resolve;
        /** Per day: events seen per side (all, then topic), when counting events. */
        final Map<LocalDate, java.util.Set<Long>[]> events = new TreeMap<>();
        private java.util.Set<Long>[] currentEvents;
        private NumericDocValues event;
        private int docBase;

        Counter(Weight topicWeight, ZoneId zone, String topicToneField) {
            this(topicWeight, zone, topicToneField, null);
        }

        Counter(Weight topicWeight, ZoneId zone, String topicToneField, java.util.function.LongUnaryOperator resolve) {
            this.topicWeight = topicWeight;
            this.zone = zone;
            this.topicToneField = topicToneField;
            this.resolve = resolve;
        }

        @SuppressWarnings("unchecked")
        private java.util.Set<Long>[] eventSets() {
            java.util.Set<Long>[] sets = new java.util.Set[6];
            for (int i = 0; i < sets.length; i++) {
                sets[i] = new java.util.HashSet<>();
            }
            return sets;
        }

        @Override
        protected void doSetNextReader(LeafReaderContext context) throws IOException {
            published = DocValues.getNumeric(context.reader(), IndexSchema.PUBLISHED);
            tone = DocValues.getNumeric(context.reader(), IndexSchema.TONE);
            topicTone = topicToneField == null ? null : DocValues.getNumeric(context.reader(), topicToneField);
            duplicate = DocValues.getNumeric(context.reader(), IndexSchema.DUPLICATE_OF);
            event = DocValues.getNumeric(context.reader(), IndexSchema.EVENT);
            docBase = context.docBase;
            side = DocValues.getSorted(context.reader(), IndexSchema.SIDE);
            sideOfOrd = new int[side.getValueCount()];
            for (int ord = 0; ord < sideOfOrd.length; ord++) {
                String s = side.lookupOrd(ord).utf8ToString();
                sideOfOrd[ord] = s.equals(SIDES[0]) ? 0 : s.equals(SIDES[1]) ? 1 : 2;
            }
            Scorer scorer = topicWeight.scorer(context);
            topicDocs = scorer == null ? null : scorer.iterator();
        }

        @Override
        public void collect(int doc) throws IOException {
            if (duplicate.advanceExact(doc) || !published.advanceExact(doc)) {
                return;
            }
            long ms = published.longValue();
            if (ms < dayStart || ms >= dayEnd) {
                LocalDate d = Instant.ofEpochMilli(ms).atZone(zone).toLocalDate();
                dayStart = d.atStartOfDay(zone).toInstant().toEpochMilli();
                dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
                current = days.computeIfAbsent(d, k -> new Day());
                if (resolve != null) {
                    currentEvents = events.computeIfAbsent(d, k -> eventSets());
                }
            }
            int s = side.advanceExact(doc) ? sideOfOrd[side.ordValue()] : 2;
            long unit = 0;
            if (resolve != null) {
                // A document without an event is one of its own: a key no event id takes (ids are positive).
                unit = event.advanceExact(doc) ? resolve.applyAsLong(event.longValue()) : -1L - docBase - doc;
                currentEvents[s].add(unit);
            }
            current.all[s]++;
            if (topicDocs != null) {
                if (topicDocs.docID() < doc) {
                    topicDocs.advance(doc);
                }
                if (topicDocs.docID() == doc) {
                    current.topic[s]++;
                    if (resolve != null) {
                        currentEvents[s + 3].add(unit);
                    }
                    current.firstTopic[s] = Math.min(current.firstTopic[s], ms);
                    // DoubleDocValuesField stores Double.doubleToRawLongBits (not the sortable form of points).
                    if (topicTone != null && topicTone.advanceExact(doc)) {
                        current.toneSum[s] += Double.longBitsToDouble(topicTone.longValue());
                        current.toneCount[s]++;
                    } else if (tone.advanceExact(doc)) {
                        current.toneSum[s] += Double.longBitsToDouble(tone.longValue());
                        current.toneCount[s]++;
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
