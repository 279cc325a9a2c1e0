package tyndau.alerts;

import tyndau.cluster.Cluster;

import tyndau.Row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;
import tyndau.fetch.FetchException;
import tyndau.fetch.Fetched;
import tyndau.fetch.SafeFetcher;

/**
 * Sends pending deliveries (webhook, e-mail) one at a time on a thread of their own: at once for a
 * new alert, then on the poll schedule for retries. A failure is recorded on the delivery and retried
 * with exponential backoff; after the last attempt it stays {@code failed}, visible on the alert.
 * Deliveries live in the database, so a restart resumes them.
 */
@ApplicationScoped
class Deliveries {
    private static final Logger LOG = Logger.getLogger(Deliveries.class);
    private static final int BATCH = 50;
    /**
     * How long a claimed delivery is this instance's alone: longer than any attempt (a webhook's deadline, a mail),
     * so an instance that took the job over meanwhile skips it; an instance that died mid-attempt leaves it to be
     * tried again once the lease ends (at least once, never twice at the same time).
     */
    static final Duration LEASE = Duration.ofMinutes(5);

    private final AlertQueries queries;
    private final RuleService rules;
    private final SafeFetcher fetcher;
    private final Mailer mailer;
    private final AlertMail mail;
    private final AlertsConfig config;
    private final ObjectMapper json;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "alert-delivery");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean stopping;
    private final Cluster cluster;

    Deliveries(AlertQueries queries, RuleService rules, SafeFetcher fetcher, Mailer mailer, AlertMail mail,
               AlertsConfig config, ObjectMapper json, Cluster cluster) {
        this.cluster = cluster;
        this.queries = queries;
        this.rules = rules;
        this.fetcher = fetcher;
        this.mailer = mailer;
        this.mail = mail;
        this.config = config;
        this.json = json;
    }

    /** Sends what is due soon, on the delivery thread; calls while a run is queued coalesce. */
    void kick() {
        if (stopping || !cluster.holds(Cluster.Job.DELIVERIES)) {
            return;
        }
        if (queued.compareAndSet(false, true)) {
            worker.submit(() -> {
                queued.set(false);
                try {
                    drain();
                } catch (RuntimeException e) {
                    LOG.error("alert delivery run failed; the next poll retries", e);
                }
            });
        }
    }

    private void drain() {
        while (true) {
            Instant now = Instant.now();
            List<AlertDelivery> due = QuarkusTransaction.requiringNew().call(() -> Row.page(AlertDelivery.class,
                    "state = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt, id", 0, BATCH, AlertDelivery.PENDING, now));
            for (AlertDelivery d : due) {
                if (!cluster.holds(Cluster.Job.DELIVERIES)) {
                    return; // the job moved to another instance: it delivers the rest
                }
                if (claim(d.id, now)) {
                    attempt(d);
                }
            }
            if (due.size() < BATCH) {
                return;
            }
        }
    }

    /**
     * Claims a due delivery for {@link #LEASE}: one conditional update (still pending, still due), so of two
     * instances that both read it as due, only the one whose update counts attempts it. Portable where
     * {@code FOR UPDATE SKIP LOCKED} is not (H2), and it holds no lock during the attempt.
     */
    static boolean claim(long id, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> Row.em().createQuery("update AlertDelivery d set d.nextAttemptAt = :lease"
                        + " where d.id = :id and d.state = :pending and d.nextAttemptAt <= :now")
                .setParameter("lease", now.plus(LEASE)).setParameter("id", id).setParameter("pending", AlertDelivery.PENDING)
                .setParameter("now", now).executeUpdate() == 1);
    }

    private void attempt(AlertDelivery d) {
        String error;
        Duration retryAfter = null;
        Optional<AlertView> alert = queries.byId(d.alertId);
        try {
            if (alert.isEmpty()) {
                error = "the alert no longer exists";
            } else if (AlertDelivery.WEBHOOK.equals(d.channel)) {
                Fetched f = post(d, alert.get());
                retryAfter = f.retryAfter();
                error = f.status() / 100 == 2 ? null : "HTTP " + f.status()
                        + (f.status() / 100 == 3 ? " (a redirect is not followed: configure the final URL)" : "");
            } else {
                mailer.send(mail.of(alert.get(), List.of(d.target.split(","))).toArray(Mail[]::new));
                error = null;
            }
        } catch (FetchException e) {
            error = e.getMessage();
        } catch (RuntimeException e) {
            LOG.warnf(e, "delivery %d of alert %d failed", d.id, d.alertId);
            error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        }
        record(d.id, error, retryAfter);
    }

    private Fetched post(AlertDelivery d, AlertView alert) throws FetchException {
        String secret = rules.storedById(alert.rule()).map(Rule::webhookSecret)
                .orElseThrow(() -> new FetchException("rule " + alert.rule() + " has no webhook secret to sign with"));
        byte[] body;
        try {
            body = json.writeValueAsBytes(alert);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        long now = Instant.now().getEpochSecond();
        return fetcher.post(URI.create(d.target), "application/json", body, Map.of(
                WebhookSignature.HEADER, WebhookSignature.of(secret, body),
                WebhookSignature.HEADER_V2, WebhookSignature.v2(secret, now, d.id, body),
                "X-Tyndau-Timestamp", Long.toString(now),
                "X-Tyndau-Event", "alert",
                "X-Tyndau-Alert", Long.toString(alert.id()),
                "X-Tyndau-Delivery", Long.toString(d.id)));
    }

    /** Records one attempt: delivered, or the error and when to try again (doubling waits, Retry-After honoured up to the cap). */
    private void record(long id, String error, Duration retryAfter) {
        Instant now = Instant.now();
        QuarkusTransaction.requiringNew().run(() -> {
            AlertDelivery d = AlertDelivery.findById(id);
            d.attempts++;
            d.lastAttemptAt = now;
            if (error == null) {
                d.state = AlertDelivery.DELIVERED;
                d.deliveredAt = now;
                d.nextAttemptAt = null;
                return;
            }
            d.lastError = AlertStore.clip(error, 2000);
            if (d.attempts >= config.delivery().attempts()) {
                d.state = AlertDelivery.FAILED;
                d.nextAttemptAt = null;
                LOG.warnf("alert %d: %s delivery failed for good after %d attempts: %s", d.alertId, d.channel, d.attempts, error);
                return;
            }
            Duration wait = backoff(d.attempts, config.delivery().initialDelay(), config.delivery().maxDelay(), retryAfter);
            d.nextAttemptAt = now.plus(wait);
            LOG.infof("alert %d: %s delivery attempt %d failed (%s); next in %s", d.alertId, d.channel, d.attempts, error, wait);
        });
    }

    /** The wait after the {@code attempts}-th failure: initial × 2^(attempts−1), at least Retry-After, at most {@code max}. */
    static Duration backoff(int attempts, Duration initial, Duration max, Duration retryAfter) {
        Duration wait = initial.multipliedBy(1L << Math.min(30, Math.max(0, attempts - 1)));
        if (retryAfter != null && retryAfter.compareTo(wait) > 0) {
            wait = retryAfter;
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }

    /** Before the database goes away (ShutdownEvent comes first): no run may start or go on after it. */
    void onStop(@jakarta.enterprise.event.Observes io.quarkus.runtime.ShutdownEvent stop) {
        close();
    }

    @PreDestroy
    void close() {
        stopping = true;
        worker.shutdownNow();
    }
}
