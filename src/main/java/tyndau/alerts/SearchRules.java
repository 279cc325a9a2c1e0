package tyndau.alerts;

import tyndau.document.Documents;


import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopDocs;
import org.jboss.logging.Logger;
import tyndau.document.Document;
import tyndau.index.IndexSchema;
import tyndau.index.LuceneIndex;
import tyndau.search.SavedSearches;
import tyndau.signals.SignalsConfig;

/**
 * The new-match rule: documents published within the news age that match a saved search (its words and its
 * filters). At each evaluation the documents no alert of the rule has cited yet are gathered into one alert,
 * so a burst is one alert, not fifty; each document is cited once per rule. An alert's subject is
 * {@code search:<id>}. Undateable documents are left out: "new" needs a date.
 */
@ApplicationScoped
class SearchRules {
    private static final Logger LOG = Logger.getLogger(SearchRules.class);
    /** Matches read from the index per page, oldest first. */
    static final int PAGE = 500;
    /** Documents one alert takes at most; the rest (a huge import) go to the next evaluation's alert. */
    static final int MAX_PER_ALERT = 5_000;
    /** Documents an alert lists; its explanation counts them all. */
    static final int MAX_CITED = 50;
    static final String SUBJECT_PREFIX = "search:";

    private final RuleService rules;
    private final SavedSearches searches;
    private final AlertStore store;
    private final AlertEvents events;
    private final LuceneIndex index;
    private final SignalsConfig signals;

    SearchRules(RuleService rules, SavedSearches searches, AlertStore store, AlertEvents events, LuceneIndex index,
                SignalsConfig signals) {
        this.rules = rules;
        this.searches = searches;
        this.store = store;
        this.events = events;
        this.index = index;
        this.signals = signals;
    }

    /** Raises the alerts of every enabled new-match rule for documents published since {@code since}; answers how many. */
    int sweep(Instant since, Instant now) {
        int raised = 0;
        for (Rule rule : rules.enabled(RuleKind.NEW_MATCH)) {
            String id = (String) rule.params().get("savedSearch");
            Optional<SavedSearches.Compiled> search = searches.byId(id);
            if (search.isEmpty()) {
                LOG.warnf("alert rule %s watches the saved search '%s', which is gone or no longer runs; it raises nothing", rule.id(), id);
                continue;
            }
            try {
                raised += sweep(rule, search.get(), since, now);
            } catch (RuntimeException e) {
                LOG.errorf(e, "alert rule %s could not be evaluated; the next evaluation retries", rule.id());
            }
        }
        return raised;
    }

    private int sweep(Rule rule, SavedSearches.Compiled search, Instant since, Instant now) {
        BooleanQuery q = new BooleanQuery.Builder().add(search.query(), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(IndexSchema.PUBLISHED, since.toEpochMilli(), Long.MAX_VALUE), BooleanClause.Occur.FILTER)
                .build();
        // Oldest first, page after page, until enough not yet cited are found: none is skipped for good,
        // however many arrived since the last evaluation.
        Sort oldestFirst = new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG), new SortField(IndexSchema.SEQ, SortField.Type.LONG));
        List<Long> fresh = new ArrayList<>();
        ScoreDoc after = null;
        while (fresh.size() < MAX_PER_ALERT) {
            ScoreDoc from = after;
            List<Object[]> page = index.withSearcher(s -> {
                TopDocs top = from == null ? s.search(q, PAGE, oldestFirst) : s.searchAfter(from, q, PAGE, oldestFirst);
                List<Object[]> out = new ArrayList<>();
                for (ScoreDoc d : top.scoreDocs) {
                    out.add(new Object[] {d, Long.parseLong(s.storedFields().document(d.doc).get(IndexSchema.ID))});
                }
                return out;
            });
            java.util.Set<String> cited = store.citedAmong(page.stream().map(hit -> onceKey(rule, search, (Long) hit[1])).toList());
            for (Object[] hit : page) {
                long docId = (Long) hit[1];
                if (fresh.size() < MAX_PER_ALERT && !cited.contains(onceKey(rule, search, docId))) {
                    fresh.add(docId);
                }
            }
            if (page.size() < PAGE) {
                break;
            }
            after = (ScoreDoc) page.get(page.size() - 1)[0];
        }
        String subject = SUBJECT_PREFIX + search.id();
        if (fresh.isEmpty()) {
            return 0;
        }
        List<Document> docs = QuarkusTransaction.requiringNew().call(() -> new ArrayList<>(Documents.byIds(fresh).values()));
        docs.sort(Comparator.comparing((Document d) -> d.publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(d -> d.id));
        if (docs.isEmpty()) {
            return 0;
        }
        List<Document> cited = docs.subList(0, Math.min(MAX_CITED, docs.size()));
        Explanations.Explained e = Explanations.newMatch(search.id(), search.name(), cited, docs.size(), signals.timeZone());
        // Every fresh document is cited (the first MAX_CITED listed, the others only counted), so none raises a second alert.
        List<Trigger.Cite> cites = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            Document d = docs.get(i);
            cites.add(new Trigger.Cite(d.id, i < MAX_CITED ? AlertDocument.MATCH : AlertDocument.COUNTED, onceKey(rule, search, d.id)));
        }
        Document first = docs.get(0);
        Document last = docs.get(docs.size() - 1);
        Trigger t = new Trigger(rule.id() + "|" + rule.kind().wire + "|" + subject + "|doc:" + first.id, rule, subject,
                first.publishedAt, false, e.text(), e.numbers(), cites, first.publishedAt, last.publishedAt);
        Optional<Long> alert = store.raise(t, now);
        alert.ifPresent(events::raised);
        return alert.isPresent() ? 1 : 0;
    }

    private static String onceKey(Rule rule, SavedSearches.Compiled search, long docId) {
        return rule.id() + "|" + SUBJECT_PREFIX + search.id() + "|" + docId;
    }
}
