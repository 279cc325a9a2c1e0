package tyndau.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.FutureTask;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.LeafReader;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.SortedDocValues;
import org.apache.lucene.index.SortedSetDocValues;
import org.apache.lucene.util.Bits;

/**
 * What {@link DailyCounts} counts, kept per index segment for every stored topic at once, so a timeline
 * or a responsiveness answer reads O(segments × days) numbers instead of every document in its range.
 *
 * <p>A segment never changes once written (only its deletions do), so its rollup is computed once, when a
 * refresh first makes it visible ({@link #warm}, called before the searcher is published), and dropped when
 * the segment is closed: new documents land in small new segments; a merge or a deletion (a re-indexed
 * document) computes the segment it produced. The rollups therefore follow the index exactly, on every
 * instance, and are rebuilt from it (and so from the database) with every index generation.
 *
 * <p>The numbers come from the {@link IndexSchema#TOPIC topic} field, i.e. the topic definitions the
 * documents were indexed with; {@link LuceneIndex} asks only while those are the current definitions.
 * Days are those of one time zone per cache; the default zone is warmed, other zones on first use.
 */
public final class Rollups {
    /** Key of the "every document" entry (topic ids are never empty). */
    static final String ALL = "";
    /** Zones kept at once; beyond it the least recently asked-for is dropped. */
    private static final int MAX_ZONES = 4;

    private final Map<ZoneId, Map<Object, FutureTask<Segment>>> byZone = new LinkedHashMap<>(8, 0.75f, true);
    private volatile ZoneId warmZone;

    /** Rollups of one segment, per topic (and {@link #ALL}). */
    record Segment(Map<String, Days> topics) {
    }

    /**
     * One topic in one segment: the days with documents, sorted, and per day and side (3 slots a day,
     * {@link DailyCounts#SIDES} order) counts, tone sums and counts, earliest publication; plus undateable
     * documents per side (copies included, as the timeline counts them).
     */
    record Days(int[] day, int[] count, double[] toneSum, int[] toneCount, long[] first, long[] undateable) {
        int indexOf(long epochDay) {
            int i = Arrays.binarySearch(day, (int) epochDay);
            return i >= 0 ? i : -i - 1;
        }
    }

    /** Warms {@code zone} from now on (the instance's zone: timelines use it unless a request names another). */
    public void warmZone(ZoneId zone) {
        warmZone = zone;
    }

    /** Computes every segment of a reader about to be published, in the warmed zone. */
    public void warm(IndexReader reader) {
        ZoneId zone = warmZone;
        if (zone != null) {
            for (LeafReaderContext leaf : reader.leaves()) {
                segment(leaf.reader(), zone);
            }
        }
    }

    /**
     * Per day and side in [from, to) for a stored topic ({@code null}: every document), as
     * {@link DailyCounts#count} would count it with the topic's query; null when from/to are not midnights in {@code zone}.
     */
    public Map<LocalDate, DailyCounts.Day> count(IndexReader reader, String topicId, Instant from, Instant to, ZoneId zone) {
        LocalDate first = from.atZone(zone).toLocalDate();
        LocalDate end = to.atZone(zone).toLocalDate();
        if (!first.atStartOfDay(zone).toInstant().equals(from) || !end.atStartOfDay(zone).toInstant().equals(to)) {
            return null;
        }
        String key = topicId == null ? ALL : topicId;
        long lo = first.toEpochDay();
        long hi = end.toEpochDay();
        TreeMap<Long, DailyCounts.Day> days = new TreeMap<>();
        for (LeafReaderContext leaf : reader.leaves()) {
            Segment s = segment(leaf.reader(), zone);
            Days all = s.topics().get(ALL);
            if (all == null) {
                continue;
            }
            for (int i = all.indexOf(lo); i < all.day().length && all.day()[i] < hi; i++) {
                DailyCounts.Day d = days.computeIfAbsent((long) all.day()[i], k -> new DailyCounts.Day());
                for (int side = 0; side < 3; side++) {
                    d.all[side] += all.count()[i * 3 + side];
                }
            }
            Days t = s.topics().get(key);
            if (t == null) {
                continue;
            }
            for (int i = t.indexOf(lo); i < t.day().length && t.day()[i] < hi; i++) {
                DailyCounts.Day d = days.get((long) t.day()[i]);
                for (int side = 0; side < 3; side++) {
                    int j = i * 3 + side;
                    d.topic[side] += t.count()[j];
                    d.toneSum[side] += t.toneSum()[j];
                    d.toneCount[side] += t.toneCount()[j];
                    d.firstTopic[side] = Math.min(d.firstTopic[side], t.first()[j]);
                }
            }
        }
        Map<LocalDate, DailyCounts.Day> out = new TreeMap<>();
        days.forEach((day, d) -> out.put(LocalDate.ofEpochDay(day), d));
        return out;
    }

    /** Undateable documents of a stored topic ({@code null}: every document) per side, copies included. */
    public long[] undateable(IndexReader reader, String topicId, ZoneId zone) {
        long[] out = new long[3];
        for (LeafReaderContext leaf : reader.leaves()) {
            Days t = segment(leaf.reader(), zone).topics().get(topicId == null ? ALL : topicId);
            if (t != null) {
                for (int side = 0; side < 3; side++) {
                    out[side] += t.undateable()[side];
                }
            }
        }
        return out;
    }

    /** The segment's rollup in {@code zone}: computed once per segment and deletions, by whoever asks first. */
    private Segment segment(LeafReader reader, ZoneId zone) {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        if (helper == null) {
            return compute(reader, zone);
        }
        Object key = helper.getKey();
        Map<Object, FutureTask<Segment>> cache;
        boolean added;
        FutureTask<Segment> task;
        synchronized (byZone) {
            cache = byZone.get(zone);
            if (cache == null) {
                if (byZone.size() >= MAX_ZONES) {
                    ZoneId eldest = byZone.keySet().iterator().next();
                    if (!eldest.equals(warmZone)) {
                        byZone.remove(eldest);
                    }
                }
                cache = new ConcurrentHashMap<>();
                byZone.put(zone, cache);
            }
            FutureTask<Segment> fresh = new FutureTask<>(() -> compute(reader, zone));
            task = cache.putIfAbsent(key, fresh);
            added = task == null;
            if (added) {
                task = fresh;
                Map<Object, FutureTask<Segment>> owner = cache;
                helper.addClosedListener(closed -> owner.remove(closed));
            }
        }
        if (added) {
            task.run();
        }
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while a rollup was computed", e);
        } catch (java.util.concurrent.ExecutionException e) {
            cache.remove(key, task);
            Throwable cause = e.getCause();
            throw cause instanceof RuntimeException r ? r : new UncheckedIOException("rollup failed", new IOException(cause));
        }
    }

    /** One pass over a segment's live documents, reading DocValues only. */
    static Segment compute(LeafReader reader, ZoneId zone) throws UncheckedIOException {
        try {
            return new Pass(reader, zone).run();
        } catch (IOException e) {
            throw new UncheckedIOException("computing the rollups of a segment failed", e);
        }
    }

    /** Accumulates one topic over a segment, per day slot of {@link Pass#slot}; {@link #compact} keeps the days with documents. */
    private static final class Acc {
        int[] count = new int[0];
        double[] toneSum = new double[0];
        int[] toneCount = new int[0];
        long[] first = new long[0];
        final long[] undateable = new long[3];

        void add(int slot, long ms, double tone) {
            if (slot >= count.length) {
                int n = Math.max((slot / 3 + 1) * 3, count.length * 2); // whole groups of 3 slots
                int was = first.length;
                count = Arrays.copyOf(count, n);
                toneSum = Arrays.copyOf(toneSum, n);
                toneCount = Arrays.copyOf(toneCount, n);
                first = Arrays.copyOf(first, n);
                Arrays.fill(first, was, n, Long.MAX_VALUE);
            }
            count[slot]++;
            first[slot] = Math.min(first[slot], ms);
            if (!Double.isNaN(tone)) {
                toneSum[slot] += tone;
                toneCount[slot]++;
            }
        }

        /** {@code days[i]}: the epoch day of slot group i; {@code order}: the groups by day. */
        Days compact(long[] days, int[] order) {
            int n = 0;
            for (int g : order) {
                if (has(g)) {
                    n++;
                }
            }
            int[] day = new int[n];
            int[] c = new int[n * 3];
            double[] ts = new double[n * 3];
            int[] tc = new int[n * 3];
            long[] f = new long[n * 3];
            int i = 0;
            for (int g : order) {
                if (has(g)) {
                    day[i] = (int) days[g];
                    System.arraycopy(count, g * 3, c, i * 3, 3);
                    System.arraycopy(toneSum, g * 3, ts, i * 3, 3);
                    System.arraycopy(toneCount, g * 3, tc, i * 3, 3);
                    System.arraycopy(first, g * 3, f, i * 3, 3);
                    i++;
                }
            }
            return new Days(day, c, ts, tc, f, undateable);
        }

        private boolean has(int group) {
            int j = group * 3;
            return j + 2 < count.length && count[j] + count[j + 1] + count[j + 2] > 0;
        }
    }

    private static final class Pass {
        private final LeafReader reader;
        private final ZoneId zone;
        /** Epoch day → its group of 3 slots (one per side), in order of first appearance. */
        private final Map<Long, Integer> groups = new HashMap<>();
        private long[] dayOfGroup = new long[64];
        private long dayStart = Long.MAX_VALUE;
        private long dayEnd = Long.MIN_VALUE;
        private int group;

        Pass(LeafReader reader, ZoneId zone) {
            this.reader = reader;
            this.zone = zone;
        }

        Segment run() throws IOException {
            NumericDocValues published = DocValues.getNumeric(reader, IndexSchema.PUBLISHED);
            NumericDocValues tone = DocValues.getNumeric(reader, IndexSchema.TONE);
            NumericDocValues duplicate = DocValues.getNumeric(reader, IndexSchema.DUPLICATE_OF);
            SortedDocValues side = DocValues.getSorted(reader, IndexSchema.SIDE);
            int[] sideOfOrd = new int[side.getValueCount()];
            for (int ord = 0; ord < sideOfOrd.length; ord++) {
                String s = side.lookupOrd(ord).utf8ToString();
                sideOfOrd[ord] = s.equals(DailyCounts.SIDES[0]) ? 0 : s.equals(DailyCounts.SIDES[1]) ? 1 : 2;
            }
            SortedSetDocValues topics = DocValues.getSortedSet(reader, IndexSchema.TOPIC);
            int topicCount = (int) topics.getValueCount();
            String[] topicIds = new String[topicCount];
            NumericDocValues[] topicTones = new NumericDocValues[topicCount];
            Acc[] accs = new Acc[topicCount];
            for (int ord = 0; ord < topicCount; ord++) {
                topicIds[ord] = topics.lookupOrd(ord).utf8ToString();
                topicTones[ord] = reader.getNumericDocValues(IndexSchema.TOPIC_TONE_PREFIX + topicIds[ord]);
                accs[ord] = new Acc();
            }
            Acc all = new Acc();
            Bits live = reader.getLiveDocs();
            int[] ords = new int[Math.max(1, topicCount)];
            for (int doc = 0; doc < reader.maxDoc(); doc++) {
                if (live != null && !live.get(doc)) {
                    continue;
                }
                int s = side.advanceExact(doc) ? sideOfOrd[side.ordValue()] : 2;
                int n = 0;
                if (topics.advanceExact(doc)) {
                    for (int k = 0, c = topics.docValueCount(); k < c; k++) {
                        ords[n++] = (int) topics.nextOrd();
                    }
                }
                if (!published.advanceExact(doc)) {
                    all.undateable[s]++;
                    for (int k = 0; k < n; k++) {
                        accs[ords[k]].undateable[s]++;
                    }
                    continue;
                }
                if (duplicate.advanceExact(doc)) {
                    continue;
                }
                long ms = published.longValue();
                int slot = slotOf(ms) * 3 + s;
                // DoubleDocValuesField stores Double.doubleToRawLongBits (not the sortable form of points).
                double own = tone.advanceExact(doc) ? Double.longBitsToDouble(tone.longValue()) : Double.NaN;
                all.add(slot, ms, own);
                for (int k = 0; k < n; k++) {
                    NumericDocValues tt = topicTones[ords[k]];
                    double about = tt != null && tt.advanceExact(doc) ? Double.longBitsToDouble(tt.longValue()) : own;
                    accs[ords[k]].add(slot, ms, about);
                }
            }
            Integer[] order = new Integer[groups.size()];
            for (int g = 0; g < order.length; g++) {
                order[g] = g;
            }
            Arrays.sort(order, (a, b) -> Long.compare(dayOfGroup[a], dayOfGroup[b]));
            int[] sorted = Arrays.stream(order).mapToInt(Integer::intValue).toArray();
            Map<String, Days> out = new HashMap<>();
            out.put(ALL, all.compact(dayOfGroup, sorted));
            for (int ord = 0; ord < topicCount; ord++) {
                out.put(topicIds[ord], accs[ord].compact(dayOfGroup, sorted));
            }
            return new Segment(out);
        }

        /** The slot group of the day {@code ms} falls on in the zone (the last day is remembered: documents come in runs). */
        private int slotOf(long ms) {
            if (ms < dayStart || ms >= dayEnd) {
                LocalDate d = Instant.ofEpochMilli(ms).atZone(zone).toLocalDate();
                dayStart = d.atStartOfDay(zone).toInstant().toEpochMilli();
                dayEnd = d.plusDays(1).atStartOfDay(zone).toInstant().toEpochMilli();
                long day = d.toEpochDay();
                Integer g = groups.get(day);
                if (g == null) {
                    g = groups.size();
                    groups.put(day, g);
                    if (g >= dayOfGroup.length) {
                        dayOfGroup = Arrays.copyOf(dayOfGroup, dayOfGroup.length * 2);
                    }
                    dayOfGroup[g] = day;
                }
                group = g;
            }
            return group;
        }
    }
}
