package tyndau.responsiveness;

import tyndau.document.Documents;


import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import tyndau.index.DailyCounts;
import tyndau.index.IndexSchema;
import tyndau.index.LuceneIndex;
import jakarta.ws.rs.QueryParam;
import tyndau.signals.Range;
import tyndau.signals.SignalsConfig;
import tyndau.http.ApiException;
import tyndau.signals.TimelineService;

/** Reads a topic's series and documents from the index, runs {@link Method}, and adds each episode's evidence. */
@ApplicationScoped
public class ResponsivenessService {
    private final LuceneIndex index;
    private final TimelineService timelines;
    private final ResponsivenessConfig config;
    private final SignalsConfig signals;

    ResponsivenessService(LuceneIndex index, TimelineService timelines, ResponsivenessConfig config, SignalsConfig signals) {
        this.index = index;
        this.timelines = timelines;
        this.config = config;
        this.signals = signals;
    }

    /** The method's constants, each overridable by a request parameter of the same name. */
    public record Overrides(@QueryParam("baselineDays") Integer baselineDays, @QueryParam("threshold") Double threshold,
                            @QueryParam("minDocs") Integer minDocs, @QueryParam("minScale") Double minScale,
                            @QueryParam("responseDays") Integer responseDays, @QueryParam("quietDays") Integer quietDays,
                            @QueryParam("balloonDays") Integer balloonDays, @QueryParam("maxGrangerLag") Integer maxGrangerLag,
                            @QueryParam("maxCcfLag") Integer maxCcfLag, @QueryParam("leadShare") Double leadShare,
                            @QueryParam("responsiveRate") Double responsiveRate, @QueryParam("evidenceDocs") Integer evidenceDocs) {
    }

    public Method.Params params(Overrides o) {
        Method.Params p = new Method.Params(
                pick(o.baselineDays(), config.baselineDays(), 7, 365, "baselineDays"),
                pick(o.threshold(), config.threshold(), 0.5, 100, "threshold"),
                pick(o.minDocs(), config.minDocs(), 1, 100_000, "minDocs"),
                pick(o.minScale(), config.minScale(), 0.0001, 1, "minScale"),
                pick(o.responseDays(), config.responseDays(), 1, 365, "responseDays"),
                pick(o.quietDays(), config.quietDays(), 0, 365, "quietDays"),
                pick(o.balloonDays(), config.balloonDays(), 1, 365, "balloonDays"),
                pick(o.maxGrangerLag(), config.maxGrangerLag(), 1, 30, "maxGrangerLag"),
                pick(o.maxCcfLag(), config.maxCcfLag(), 0, 90, "maxCcfLag"),
                pick(o.leadShare(), config.leadShare(), 0.5, 1, "leadShare"),
                pick(o.responsiveRate(), config.responsiveRate(), 0, 1, "responsiveRate"),
                pick(o.evidenceDocs(), config.evidenceDocs(), 0, 100, "evidenceDocs"));
        return p;
    }

    private static int pick(Integer given, int dflt, int min, int max, String name) {
        int v = given == null ? dflt : given;
        if (v < min || v > max) {
            throw ApiException.badRequest("'" + name + "' must be between " + min + " and " + max);
        }
        return v;
    }

    private static double pick(Double given, double dflt, double min, double max, String name) {
        double v = given == null ? dflt : given;
        if (Double.isNaN(v) || v < min || v > max) {
            throw ApiException.badRequest("'" + name + "' must be between " + min + " and " + max);
        }
        return v;
    }

    /** The answer for request parameters: range, zone and the method's overrides. */
    public Answer answer(String topic, String from, String to, String zone, Overrides o) {
        return answer(topic, from, to, zone, o, false);
    }

    /** As {@link #answer(String, String, String, String, Overrides)}; {@code events}: the series count events (issue 31). */
    public Answer answer(String topic, String from, String to, String zone, Overrides o, boolean events) {
        return analyze(topic, Range.of(from, to, zone, signals, index), params(o), events);
    }


    /** A document cited by an episode. */
    public record Cited(long id, Instant at, String source, String url, String title) {
    }

    /** The response, with its lag from the first public document of the onset day. */
    public record Response(Instant at, double lagHours, long id, String source, String url, String title) {
    }

    /** One episode as the API shows it (docs/responsiveness.md, "The answer"). */
    public record Episode(String onset, String peak, String end, String ledBy, String kind, int publicCount,
                          double peakScore, Double publicTone, Instant firstPublicAt, Response response,
                          Double censoredAtHours, Cited announcement, List<Cited> evidence) {
    }

    public record Answer(String topic, LocalDate from, LocalDate to, String zone, Method.Params params,
                         List<Episode> episodes, Map<String, Object> metrics, String verdict) {
    }

    public Answer analyze(String topic, Range range, Method.Params p) {
        return analyze(topic, range, p, false);
    }

    /**
     * As {@link #analyze(String, Range, Method.Params)}; {@code events}: the daily series count distinct events per day
     * and side (an event once per day it is reported, on each side that reported it), so a wave of many reports of one
     * happening is one unit; evidence and responses are still documents.
     */
    public Answer analyze(String topic, Range range, Method.Params p, boolean events) {
        if (topic == null || topic.isBlank()) {
            throw tyndau.http.ApiException.badRequest("'topic' is required");
        }
        Query q = index.topicFilter(topic, timelines.topicQuery(topic));
        ZoneId zone = range.zone();
        return index.withSearcher(searcher -> {
            Method.Input in = events
                    ? input(searcher, q, topic, range, p, eventsOf(tyndau.document.EventRedirect.resolver()))
                    : input(searcher, q, topic, range, p);
            LocalDate start = in.start();
            Method.Result r = Method.run(in, p);
            List<Method.Found> found = new ArrayList<>();
            List<List<Long>> evidence = new ArrayList<>();
            List<Long> cited = new ArrayList<>();
            for (Method.Found f : r.episodes()) {
                Method.Found withIds = withDatabaseIds(searcher, f);
                List<Long> evidenceIds = f.publicCount() == 0 ? List.of()
                        : publicAtDay(searcher, q, start.plusDays(f.peak()), zone, p.evidenceDocs());
                found.add(withIds);
                evidence.add(evidenceIds);
                cited.addAll(evidenceIds);
                if (withIds.response() != null) {
                    cited.add(withIds.response().id());
                }
                if (withIds.announcement() != null) {
                    cited.add(withIds.announcement().id());
                }
            }
            // Every episode's citations in one statement, without the documents' text.
            Map<Long, Documents.Cited> docs = cited.isEmpty() ? Map.of()
                    : QuarkusTransaction.requiringNew().call(() -> Documents.cited(cited));
            List<Episode> episodes = new ArrayList<>();
            for (int i = 0; i < found.size(); i++) {
                episodes.add(withDetails(found.get(i), start, evidence.get(i), docs));
            }
            return new Answer(topic, range.from(), range.to(), zone.getId(), p, episodes, metrics(r.metrics()), r.verdict());
        });
    }

    /** Daily series in events, counted in one pass over the range's documents (the rollups hold documents only). */
    private static DailyCounts.Source eventsOf(java.util.function.LongUnaryOperator resolve) {
        return (searcher, topicId, q, from, to, zone) -> DailyCounts.countEvents(searcher, q, topicId, from, to, zone, resolve);
    }

    /** The method's input for a topic and range, read from the index in one pass plus the government documents. */
    Method.Input input(IndexSearcher searcher, Query q, String topicId, Range range, Method.Params p) throws IOException {
        return input(searcher, q, topicId, range, p, index::daily);
    }

    /** As {@link #input(IndexSearcher, Query, String, Range, Method.Params)} with the daily series from {@code daily}. */
    public static Method.Input input(IndexSearcher searcher, Query q, String topicId, Range range, Method.Params p,
                                     DailyCounts.Source daily) throws IOException {
        ZoneId zone = range.zone();
        LocalDate start = range.from().minusDays(p.baselineDays());
        int days = (int) (range.to().toEpochDay() - start.toEpochDay() + 1);
        Map<LocalDate, DailyCounts.Day> counts = daily.count(searcher, topicId, q, start.atStartOfDay(zone).toInstant(),
                range.end(), zone);
        int[] pub = new int[days];
        int[] all = new int[days];
        int[] gov = new int[days];
        double[] toneSum = new double[days];
        int[] toneN = new int[days];
        Instant[] first = new Instant[days];
        for (int i = 0; i < days; i++) {
            DailyCounts.Day d = counts.get(start.plusDays(i));
            if (d != null) {
                pub[i] = d.topic[0];
                all[i] = d.all[0];
                gov[i] = d.topic[1];
                toneSum[i] = d.toneSum[0];
                toneN[i] = d.toneCount[0];
                first[i] = d.firstTopic[0] == Long.MAX_VALUE ? null : Instant.ofEpochMilli(d.firstTopic[0]);
            }
        }
        Instant govUntil = range.end().plus(java.time.Duration.ofDays(p.responseDays()));
        List<Method.GovDoc> govDocs = governmentDocs(searcher, q, start.atStartOfDay(zone).toInstant(), govUntil);
        return new Method.Input(start, p.baselineDays(), zone, pub, all, gov, toneSum, toneN, first, govDocs, range.end());
    }

    private static Episode withDetails(Method.Found f, LocalDate start, List<Long> evidenceIds, Map<Long, Documents.Cited> docs) {
        Response response = null;
        if (f.response() != null) {
            Documents.Cited d = docs.get(f.response().id());
            response = new Response(f.response().at(), f.lagHours(), f.response().id(), d == null ? null : d.sourceId(),
                    d == null ? null : d.url(), d == null ? null : d.title());
        }
        Cited announcement = f.announcement() == null ? null : cite(docs.get(f.announcement().id()), f.announcement().id());
        List<Cited> evidence = evidenceIds.stream().map(id -> cite(docs.get(id), id)).toList();
        return new Episode(start.plusDays(f.onset()).toString(), start.plusDays(f.peak()).toString(),
                start.plusDays(f.end()).toString(), f.ledBy(), f.kind(), f.publicCount(), round(f.peakScore()),
                round(f.publicTone()), f.firstPublicAt(), response, f.censoredAtHours(), announcement, evidence);
    }

    private static Cited cite(Documents.Cited d, long id) {
        return d == null ? new Cited(id, null, null, null, null) : new Cited(d.id(), d.publishedAt(), d.sourceId(), d.url(), d.title());
    }

    /**
     * The government's documents on the topic, oldest first, read from DocValues; their ids are
     * Lucene document numbers of this searcher until {@link #withDatabaseIds} resolves the few cited.
     */
    private static List<Method.GovDoc> governmentDocs(IndexSearcher searcher, Query topic, Instant from, Instant until)
            throws IOException {
        List<Method.GovDoc> out = new ArrayList<>();
        searcher.search(sideQuery(topic, "government", from, until), new org.apache.lucene.search.SimpleCollector() {
            private org.apache.lucene.index.NumericDocValues published;
            private int base;

            @Override
            protected void doSetNextReader(org.apache.lucene.index.LeafReaderContext context) throws IOException {
                published = org.apache.lucene.index.DocValues.getNumeric(context.reader(), IndexSchema.PUBLISHED);
                base = context.docBase;
            }

            @Override
            public void collect(int doc) throws IOException {
                if (published.advanceExact(doc)) {
                    out.add(new Method.GovDoc(Instant.ofEpochMilli(published.longValue()), base + doc));
                }
            }

            @Override
            public org.apache.lucene.search.ScoreMode scoreMode() {
                return org.apache.lucene.search.ScoreMode.COMPLETE_NO_SCORES;
            }
        });
        out.sort(java.util.Comparator.comparing(Method.GovDoc::at));
        return out;
    }

    private static Method.Found withDatabaseIds(IndexSearcher searcher, Method.Found f) throws IOException {
        if (f.response() == null && f.announcement() == null) {
            return f;
        }
        var stored = searcher.storedFields();
        Method.GovDoc response = f.response() == null ? null
                : new Method.GovDoc(f.response().at(), Long.parseLong(stored.document((int) f.response().id()).get(IndexSchema.ID)));
        Method.GovDoc announcement = f.announcement() == null ? null
                : new Method.GovDoc(f.announcement().at(), Long.parseLong(stored.document((int) f.announcement().id()).get(IndexSchema.ID)));
        return new Method.Found(f.ledBy(), f.kind(), f.onset(), f.peak(), f.end(), f.publicCount(), f.peakScore(), f.publicTone(),
                f.firstPublicAt(), response, f.lagHours(), f.censoredAtHours(), announcement);
    }

    private static List<Long> publicAtDay(IndexSearcher searcher, Query topic, LocalDate day, ZoneId zone, int n)
            throws IOException {
        Query q = sideQuery(topic, "public", day.atStartOfDay(zone).toInstant(), day.plusDays(1).atStartOfDay(zone).toInstant());
        TopDocs top = searcher.search(q, n, byDate());
        List<Long> ids = new ArrayList<>();
        var stored = searcher.storedFields();
        for (ScoreDoc sd : top.scoreDocs) {
            ids.add(Long.parseLong(stored.document(sd.doc).get(IndexSchema.ID)));
        }
        return ids;
    }

    private static Query sideQuery(Query topic, String side, Instant from, Instant until) {
        return new BooleanQuery.Builder()
                .add(topic, BooleanClause.Occur.FILTER)
                .add(new TermQuery(new Term(IndexSchema.SIDE, side)), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(IndexSchema.PUBLISHED, from.toEpochMilli(), until.toEpochMilli() - 1), BooleanClause.Occur.FILTER)
                .build();
    }

    private static Sort byDate() {
        return new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG));
    }

    private static Map<String, Object> metrics(Method.Metrics m) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("episodes", m.episodes());
        out.put("publicLed", m.publicLed());
        out.put("governmentLed", m.governmentLed());
        out.put("trialBalloons", m.trialBalloons());
        out.put("answered", m.answered());
        out.put("unanswered", m.publicLed() - m.answered());
        out.put("responseRate", round(m.responseRate()));
        out.put("medianLagHours", m.medianLagHours());
        out.put("medianLagMethod", "Kaplan-Meier: unanswered episodes censored at the end of their response window; null when not reached");
        out.put("medianLagHoursAnswered", m.medianLagHoursAnswered());
        out.put("ccf", m.ccf() == null ? null : Map.of("peakLagDays", m.ccf().peakLagDays(), "r", round(m.ccf().r())));
        Map<String, Object> granger = new LinkedHashMap<>();
        granger.put("publicToGovernment", granger(m.publicToGovernment()));
        granger.put("governmentToPublic", granger(m.governmentToPublic()));
        out.put("granger", granger);
        return out;
    }

    private static Map<String, Object> granger(LeadLag.Granger g) {
        if (g == null) {
            return null;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("lag", g.lag());
        out.put("f", round(g.f()));
        out.put("p", g.p() < 1e-4 ? g.p() : round(g.p()));
        out.put("observations", g.observations());
        return out;
    }

    static Double round(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : Math.round(v * 1e4) / 1e4;
    }

    static double round(double v) {
        return Double.isNaN(v) || Double.isInfinite(v) ? 0 : Math.round(v * 1e4) / 1e4;
    }
}
