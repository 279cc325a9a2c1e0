package tyndau.alerts;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TopFieldDocs;
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
    /** Documents looked at per rule and evaluation, newest first; more wait for the next one. */
    static final int MAX_PER_SWEEP = 500;
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
        List<Long> ids = index.withSearcher(s -> {
            TopFieldDocs top = s.search(q, MAX_PER_SWEEP, new Sort(new SortField(IndexSchema.PUBLISHED, SortField.Type.LONG, true)));
            List<Long> out = new ArrayList<>();
            for (ScoreDoc d : top.scoreDocs) {
                out.add(Long.parseLong(s.storedFields().document(d.doc).get(IndexSchema.ID)));
            }
            return out;
        });
        String subject = SUBJECT_PREFIX + search.id();
        List<Long> fresh = ids.stream().filter(docId -> !store.cited(onceKey(rule, search, docId))).toList();
        if (fresh.isEmpty()) {
            return 0;
        }
        List<Document> docs = QuarkusTransaction.requiringNew().call(() -> Document.<Document>list("id in ?1", fresh));
        docs.sort(Comparator.comparing((Document d) -> d.publishedAt, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(d -> d.id));
        if (docs.isEmpty()) {
            return 0;
        }
        List<Document> cited = docs.subList(0, Math.min(MAX_CITED, docs.size()));
        Explanations.Explained e = Explanations.newMatch(search.id(), search.name(), cited, docs.size(), signals.timeZone());
        // Every fresh document is marked cited (the first MAX_CITED are listed), so none raises a second alert.
        List<Trigger.Cite> cites = docs.stream().map(d -> new Trigger.Cite(d.id, AlertDocument.MATCH,
                onceKey(rule, search, d.id))).collect(Collectors.toList());
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
