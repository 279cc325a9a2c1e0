package tyndau.alerts;

import tyndau.document.Documents;

import tyndau.cluster.Cluster;

import tyndau.Row;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.DocValues;
import org.apache.lucene.index.LeafReaderContext;
import org.apache.lucene.index.NumericDocValues;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreMode;
import org.apache.lucene.search.SimpleCollector;
import org.apache.lucene.search.TermQuery;
import org.jboss.logging.Logger;
import tyndau.document.Document;
import tyndau.index.IndexSchema;
import tyndau.index.LuceneIndex;
import tyndau.signals.SignalsConfig;
import tyndau.source.Side;
import tyndau.topics.TopicPercolator;
import tyndau.topics.TopicService;
import tyndau.topics.TopicView;

/**
 * The document rule (sensitive-announcement): a government document matching a sensitive topic.
 * Judged as each document is indexed (the percolator's event) and, as a safety net, by a sweep of
 * the index over the news age at each evaluation. A document counts once per rule and topic; one
 * published within the grouping window of an alert's first document joins that alert.
 */
@ApplicationScoped
class DocumentRules {
    private static final Logger LOG = Logger.getLogger(DocumentRules.class);

    private final RuleService rules;
    private final TopicService topics;
    private final AlertStore store;
    private final AlertEvents events;
    private final AlertsConfig config;
    private final SignalsConfig signals;
    private final LuceneIndex index;
    /** One writer of grouping windows at a time, so two documents of one burst cannot open two alerts. */
    private final ReentrantLock lock = new ReentrantLock();
    private final Cluster cluster;

    DocumentRules(RuleService rules, TopicService topics, AlertStore store, AlertEvents events, AlertsConfig config,
                  SignalsConfig signals, LuceneIndex index, Cluster cluster) {
        this.cluster = cluster;
        this.rules = rules;
        this.topics = topics;
        this.store = store;
        this.events = events;
        this.config = config;
        this.signals = signals;
        this.index = index;
    }

    /** Called on the percolator's thread: a failure here must not stop it announcing the next documents. */
    void onMatched(@Observes TopicPercolator.Matched m) {
        if (!cluster.holds(Cluster.Job.ALERTS)) {
            return; // another instance evaluates alerts; its sweep finds this document too
        }
        try {
            consider(m.row().id(), m.row().side(), m.row().published(), m.topics(), false);
        } catch (RuntimeException e) {
            LOG.errorf(e, "document %d could not be judged for alerts; the next evaluation's sweep retries it", m.row().id());
        }
    }

    /**
     * Judges one document. Outside the history pass a document published longer than the news age
     * ago raises nothing (old news: a rebuilt index, a re-import or an archive); an undateable one is
     * judged as published now, since it is new to Tyndau. Answers how many alerts were raised.
     */
    int consider(long docId, String side, Instant published, List<String> matched, boolean historyPass) {
        return consider(docId, side, published, matched, historyPass, false);
    }

    /** As above; {@code allHistorical} marks even recent triggers historical (an analyst's pass over an imported range). */
    int consider(long docId, String side, Instant published, List<String> matched, boolean historyPass, boolean allHistorical) {
        if (!Side.GOVERNMENT.equals(side) || matched.isEmpty()) {
            return 0;
        }
        List<Rule> watching = rules.enabled(RuleKind.SENSITIVE_ANNOUNCEMENT);
        if (watching.isEmpty()) {
            return 0;
        }
        Instant now = Instant.now();
        Instant at = published == null ? now : published;
        boolean old = at.isBefore(now.minus(config.newsAge()));
        if (old && !historyPass) {
            return 0;
        }
        int raised = 0;
        for (String topicId : matched) {
            Optional<TopicView> topic = topics.byId(topicId).map(TopicService.Compiled::topic)
                    .filter(t -> Boolean.TRUE.equals(t.sensitive()));
            if (topic.isEmpty()) {
                continue;
            }
            for (Rule rule : watching) {
                if (!rule.watches(topicId)) {
                    continue;
                }
                lock.lock();
                try {
                    raised += place(rule, topic.get(), docId, at, old || allHistorical, now);
                } finally {
                    lock.unlock();
                }
            }
        }
        return raised;
    }

    private int place(Rule rule, TopicView topic, long docId, Instant at, boolean historical, Instant now) {
        String once = rule.id() + "|" + topic.id() + "|" + docId;
        if (store.cited(once)) {
            return 0;
        }
        Trigger.Cite cite = new Trigger.Cite(docId, AlertDocument.ANNOUNCEMENT, once);
        Optional<Alert> open = store.openWindow(rule.id(), topic.id(), at);
        if (open.isPresent()) {
            Alert a = open.get();
            Explanations.Explained e = explain(topic, documentsOf(a.id, docId), a.windowStart, a.windowEnd);
            store.join(a.id, cite, e.text(), e.numbers());
            return 0;
        }
        Integer hours = rule.intParam("windowHours");
        Duration window = hours == null ? config.groupWindow() : Duration.ofHours(hours);
        Explanations.Explained e = explain(topic, documentsOf(null, docId), at, at.plus(window));
        Trigger t = new Trigger(rule.id() + "|" + rule.kind().wire + "|" + topic.id() + "|doc:" + docId, rule, topic.id(), at,
                historical, e.text(), e.numbers(), List.of(cite), at, at.plus(window));
        Optional<Long> id = store.raise(t, now);
        id.ifPresent(events::raised);
        return id.isPresent() ? 1 : 0;
    }

    private Explanations.Explained explain(TopicView topic, List<Document> docs, Instant start, Instant end) {
        return Explanations.announcement(topic.id(), topic.label().text(), docs, start, end, config.newsAge(), signals.timeZone());
    }

    /** The announcements of an alert (none when {@code alertId} is null) and one more, oldest first. */
    private static List<Document> documentsOf(Long alertId, long plus) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<Document> docs = new ArrayList<>(alertId == null ? List.of() : Documents.byIds(Row.em()
                    .createQuery("select ad.documentId from AlertDocument ad where ad.alertId = ?1 and ad.role = ?2", Long.class)
                    .setParameter(1, alertId).setParameter(2, AlertDocument.ANNOUNCEMENT).getResultList()).values());
            Optional.ofNullable(Document.findById(plus)).ifPresent(docs::add);
            docs.sort(Comparator.comparing((Document d) -> d.publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                    .thenComparing(d -> d.id));
            return docs;
        });
    }

    /**
     * Judges again every dated government document on a sensitive topic published since
     * {@code since} (all of them when null), oldest first, read from the index: catches documents
     * whose event was lost (a crash between indexing and alerting) and serves the history pass.
     */
    int sweep(Instant since, boolean historyPass) {
        return sweep(since, null, historyPass, false);
    }

    /** As above, up to {@code until} (no bound when null); {@code allHistorical} as in {@link #consider}. */
    int sweep(Instant since, Instant until, boolean historyPass, boolean allHistorical) {
        List<Rule> watching = rules.enabled(RuleKind.SENSITIVE_ANNOUNCEMENT);
        int raised = 0;
        for (TopicService.Compiled t : topics.all()) {
            if (!Boolean.TRUE.equals(t.topic().sensitive()) || watching.stream().noneMatch(r -> r.watches(t.topic().id()))) {
                continue;
            }
            BooleanQuery.Builder q = new BooleanQuery.Builder()
                    .add(t.query(), BooleanClause.Occur.FILTER)
                    .add(new TermQuery(new Term(IndexSchema.SIDE, Side.GOVERNMENT)), BooleanClause.Occur.FILTER)
                    .add(LongPoint.newRangeQuery(IndexSchema.PUBLISHED, since == null ? Long.MIN_VALUE : since.toEpochMilli(),
                            until == null ? Long.MAX_VALUE : until.toEpochMilli()), BooleanClause.Occur.FILTER);
            List<long[]> hits = index.withSearcher(s -> {
                List<long[]> out = new ArrayList<>();
                s.search(q.build(), new SimpleCollector() {
                    private NumericDocValues published;
                    private StoredFields stored;

                    @Override
                    protected void doSetNextReader(LeafReaderContext context) throws IOException {
                        published = DocValues.getNumeric(context.reader(), IndexSchema.PUBLISHED);
                        stored = context.reader().storedFields();
                    }

                    @Override
                    public void collect(int doc) throws IOException {
                        if (published.advanceExact(doc)) {
                            out.add(new long[] {Long.parseLong(stored.document(doc).get(IndexSchema.ID)), published.longValue()});
                        }
                    }

                    @Override
                    public ScoreMode scoreMode() {
                        return ScoreMode.COMPLETE_NO_SCORES;
                    }
                });
                return out;
            });
            hits.sort(Comparator.<long[]>comparingLong(h -> h[1]).thenComparingLong(h -> h[0]));
            for (long[] h : hits) {
                raised += consider(h[0], Side.GOVERNMENT, Instant.ofEpochMilli(h[1]), List.of(t.topic().id()), historyPass, allHistorical);
            }
        }
        return raised;
    }
}
