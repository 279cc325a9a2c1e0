package tyndau.alerts;

import tyndau.document.Documents;

import tyndau.cluster.Cluster;

import tyndau.Row;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.inject.Instance;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.logging.Logger;
import tyndau.TyndauConfig;
import tyndau.index.DocumentsIndexed;
import tyndau.index.LuceneIndex;
import tyndau.signals.SignalsConfig;

/**
 * Runs the rules: the document sweep over the news age and the episode rules, after each import
 * (debounced), on the schedule, on request, and once after start when the index has caught up.
 * Also runs the one-time pass over history (docs/alerts.md, "History"): on the first start that imports the
 * bundled archive, once the service is ready, every rule is evaluated over all the data; what it
 * raises about triggers older than the news age is marked historical. Its state is kept in the
 * database ({@code alert_state.history}: pending, done or skipped), so a restart never repeats it.
 */
@ApplicationScoped
class AlertEvaluation {
    private static final Logger LOG = Logger.getLogger(AlertEvaluation.class);
    static final String HISTORY = "history";
    static final String PENDING = "pending";
    static final String DONE = "done";
    static final String SKIPPED = "skipped";

    /** What one evaluation raised. */
    public record Result(int documentAlerts, int episodeAlerts, String history, boolean ran) {
    }

    private final DocumentRules documents;
    private final SearchRules searches;
    private final EpisodeRules episodes;
    private final LuceneIndex index;
    private final AlertsConfig config;
    private final TyndauConfig tyndau;
    private final Instance<HealthCheck> readiness;
    private final SignalsConfig signals;
    private final ReentrantLock lock = new ReentrantLock();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "alert-evaluation");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> debounced;
    private ScheduledFuture<?> startup;
    private volatile String history = SKIPPED;
    private volatile boolean evaluatedSinceStart;
    private final Cluster cluster;

    AlertEvaluation(DocumentRules documents, EpisodeRules episodes, SearchRules searches, LuceneIndex index, AlertsConfig config,
                    TyndauConfig tyndau, @Readiness Instance<HealthCheck> readiness, SignalsConfig signals, Cluster cluster) {
        this.cluster = cluster;
        this.documents = documents;
        this.searches = searches;
        this.episodes = episodes;
        this.index = index;
        this.config = config;
        this.tyndau = tyndau;
        this.readiness = readiness;
        this.signals = signals;
    }

    /** Before the demo archive's observer (default priority) looks at the database, so "empty" means empty at start. */
    void onStart(@Observes @Priority(20) StartupEvent start) {
        history = QuarkusTransaction.requiringNew().call(() -> {
            AlertState s = AlertState.findById(HISTORY);
            if (s != null) {
                return s.value;
            }
            String mode = config.history();
            if (!mode.equals("demo") && !mode.equals("never")) {
                LOG.errorf("tyndau.alerts.history is '%s'; it must be demo or never: history is left alone", mode);
            }
            boolean pending = mode.equals("demo") && tyndau.demo().enabled() && Documents.count() == 0;
            state(pending ? PENDING : SKIPPED);
            return pending ? PENDING : SKIPPED;
        });
        LOG.infof("alerts: history pass %s", history);
        startup = timer.scheduleWithFixedDelay(this::afterStart, 1, 1, TimeUnit.SECONDS);
    }

    private static void state(String value) {
        AlertState s = AlertState.findById(HISTORY);
        if (s == null) {
            s = new AlertState();
            s.name = HISTORY;
            s.value = value;
            s.updatedAt = Instant.now();
            s.persist();
        } else {
            s.value = value;
            s.updatedAt = Instant.now();
        }
    }

    /** Polls until the index has caught up (then evaluates once) and, while history is pending, until the service is ready. */
    private void afterStart() {
        try {
            if (!index.caughtUp() || !cluster.holds(Cluster.Job.ALERTS)) {
                return;
            }
            if (!evaluatedSinceStart || PENDING.equals(history) && ready()) {
                evaluate();
            }
            if (!PENDING.equals(history)) {
                startup.cancel(false);
            }
        } catch (RuntimeException e) {
            LOG.error("alert evaluation after start failed; retrying", e);
        }
    }

    private boolean ready() {
        for (HealthCheck c : readiness) {
            if (c.call().getStatus() != HealthCheckResponse.Status.UP) {
                return false;
            }
        }
        return true;
    }

    /** What a history pass over a range raised: in all, and per rule kind. */
    public record History(int raised, Map<String, Integer> byKind) {
    }

    /**
     * The history pass over {@code from}..{@code to} (an analyst's own imported archive): every rule
     * over those days, whatever the age of the triggers; everything raised is historical (never
     * pushed), and each trigger raises once, however often this runs.
     */
    History history(LocalDate from, LocalDate to) {
        lock.lock();
        try {
            java.time.ZoneId zone = signals.timeZone();
            Map<String, Integer> byKind = new java.util.TreeMap<>();
            int docs = documents.sweep(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant().minusMillis(1),
                    true, true);
            if (docs > 0) {
                byKind.put(RuleKind.SENSITIVE_ANNOUNCEMENT.wire, docs);
            }
            int eps = episodes.evaluate(from, to, byKind);
            LOG.infof("alerts: history pass over %s..%s raised %d alerts: %s", from, to, docs + eps, byKind);
            return new History(docs + eps, byKind);
        } finally {
            lock.unlock();
        }
    }

    /** Newly indexed documents: evaluate once they stop coming for the debounce time. */
    void onIndexed(@ObservesAsync DocumentsIndexed event) {
        synchronized (this) {
            if (debounced != null) {
                debounced.cancel(false);
            }
            debounced = timer.schedule(this::evaluateQuietly, config.debounce().toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void evaluateQuietly() {
        if (!cluster.holds(Cluster.Job.ALERTS)) {
            return;
        }
        try {
            evaluate();
        } catch (RuntimeException e) {
            LOG.error("alert evaluation failed; the next one retries", e);
        }
    }

    /** Evaluates now (after the index has caught up; otherwise answers {@code ran: false}). */
    Result evaluate() {
        if (!index.caughtUp()) {
            return new Result(0, 0, history, false);
        }
        lock.lock();
        try {
            int docs = 0;
            int eps = 0;
            if (PENDING.equals(history)) {
                // Another instance may have run it meanwhile (several instances on one database).
                history = QuarkusTransaction.requiringNew().call(() -> {
                    AlertState s = AlertState.findById(HISTORY);
                    return s == null ? history : s.value;
                });
            }
            if (PENDING.equals(history) && ready()) {
                LocalDate first = firstDay();
                long t0 = System.nanoTime();
                docs += documents.sweep(null, true);
                eps += first == null ? 0 : episodes.evaluate(first);
                QuarkusTransaction.requiringNew().run(() -> state(DONE));
                history = DONE;
                LOG.infof("alerts: history pass done in %d ms: %d document alerts, %d episode alerts (from %s); by rule and topic: %s",
                        (System.nanoTime() - t0) / 1_000_000, docs, eps, first, historicalByRule());
            }
            docs += documents.sweep(Instant.now().minus(config.newsAge()), false);
            docs += searches.sweep(Instant.now().minus(config.newsAge()), Instant.now());
            eps += episodes.evaluate(null);
            evaluatedSinceStart = true;
            return new Result(docs, eps, history, true);
        } finally {
            lock.unlock();
        }
    }

    private static Map<String, Long> historicalByRule() {
        Map<String, Long> out = new java.util.TreeMap<>();
        QuarkusTransaction.requiringNew().run(() -> Row.em()
                .createQuery("select a.ruleId, a.topic, count(a) from Alert a where a.historical = true group by a.ruleId, a.topic",
                        Object[].class)
                .getResultList().forEach(r -> out.put(r[0] + "/" + r[1], (Long) r[2])));
        return out;
    }

    /** The first day of the data, today when there is none. */
    LocalDate firstDayOrToday() {
        LocalDate first = firstDay();
        return first != null ? first : LocalDate.now(signals.timeZone());
    }

    private LocalDate firstDay() {
        Instant first = QuarkusTransaction.requiringNew().call(() ->
                Documents.firstPublished());
        return first == null ? null : first.atZone(signals.timeZone()).toLocalDate();
    }

    /** Whether the pass over history is pending, done or skipped, and the state by name for the API. */
    Map<String, Object> status() {
        return Map.of("history", history, "evaluatedSinceStart", evaluatedSinceStart);
    }

    /** Before the database goes away (ShutdownEvent comes first): a history pass or evaluation in flight is interrupted. */
    void onStop(@Observes io.quarkus.runtime.ShutdownEvent stop) {
        close();
    }

    @PreDestroy
    void close() {
        timer.shutdownNow();
    }
}
