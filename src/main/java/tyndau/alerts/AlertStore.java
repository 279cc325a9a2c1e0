package tyndau.alerts;

import tyndau.Row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Writes alerts: raising one exactly once, adding a document to an open one, acknowledging. */
@ApplicationScoped
class AlertStore {
    private final ObjectMapper json;

    AlertStore(ObjectMapper json) {
        this.json = json;
    }

    /**
     * Stores the alert, its documents and one pending delivery per channel of its rule (none for a
     * historical alert), unless an alert with its key exists. Answers the new alert's id.
     */
    Optional<Long> raise(Trigger t, Instant now) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (Row.count(Alert.class, "triggerKey = ?1", t.key()) > 0) {
                    return Optional.<Long>empty();
                }
                Alert a = new Alert();
                a.triggerKey = t.key();
                a.ruleId = t.rule().id();
                a.kind = t.rule().kind().wire;
                a.topic = t.topic();
                a.createdAt = now;
                a.occurredAt = t.at();
                a.status = Alert.NEW;
                a.historical = t.historical();
                a.windowStart = t.windowStart();
                a.windowEnd = t.windowEnd();
                a.explanation = clip(t.explanation(), 4000);
                a.numbers = write(t.numbers());
                a.persist();
                for (Trigger.Cite c : t.documents()) {
                    cite(a.id, c);
                }
                if (!t.historical()) {
                    if (t.rule().webhookUrl() != null) {
                        delivery(a.id, AlertDelivery.WEBHOOK, t.rule().webhookUrl(), now);
                    }
                    if (!t.rule().email().isEmpty()) {
                        delivery(a.id, AlertDelivery.EMAIL, String.join(",", t.rule().email()), now);
                    }
                }
                return Optional.of(a.id);
            });
        } catch (RuntimeException e) {
            if (uniqueViolation(e)) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static void cite(long alertId, Trigger.Cite c) {
        AlertDocument d = new AlertDocument();
        d.alertId = alertId;
        d.documentId = c.documentId();
        d.role = c.role();
        d.onceKey = c.onceKey();
        d.persist();
    }

    private static void delivery(long alertId, String channel, String target, Instant now) {
        AlertDelivery d = new AlertDelivery();
        d.alertId = alertId;
        d.channel = channel;
        d.target = target;
        d.state = AlertDelivery.PENDING;
        d.nextAttemptAt = now;
        d.persist();
    }

    /** True when a document of a document rule already belongs to an alert of that rule and topic. */
    boolean cited(String onceKey) {
        return QuarkusTransaction.requiringNew().call(() -> Row.count(AlertDocument.class, "onceKey = ?1", onceKey) > 0);
    }

    /** Those of {@code onceKeys} that already belong to an alert (one statement for a page of them). */
    java.util.Set<String> citedAmong(java.util.Collection<String> onceKeys) {
        if (onceKeys.isEmpty()) {
            return java.util.Set.of();
        }
        return QuarkusTransaction.requiringNew().call(() -> new java.util.HashSet<>(Row.em()
                .createQuery("select ad.onceKey from AlertDocument ad where ad.onceKey in ?1", String.class)
                .setParameter(1, onceKeys).getResultList()));
    }

    /** The alert of a document rule and topic whose grouping window holds {@code at}. */
    Optional<Alert> openWindow(String ruleId, String topic, Instant at) {
        return QuarkusTransaction.requiringNew().call(() -> Row.first(Alert.class,
                "ruleId = ?1 and topic = ?2 and windowStart <= ?3 and windowEnd > ?3 order by windowStart", ruleId, topic, at));
    }

    /** Adds a document to an alert and rewrites the explanation that counts its documents. */
    void join(long alertId, Trigger.Cite c, String explanation, Map<String, Object> numbers) {
        QuarkusTransaction.requiringNew().run(() -> {
            cite(alertId, c);
            Alert a = Alert.findById(alertId);
            a.explanation = clip(explanation, 4000);
            a.numbers = write(numbers);
        });
    }

    /** Marks an alert acknowledged; answers whether it changed (false when it already was, or is unknown). */
    boolean acknowledge(long id, Instant now) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Alert a = Alert.findById(id);
            if (a == null || Alert.ACKNOWLEDGED.equals(a.status)) {
                return false;
            }
            a.status = Alert.ACKNOWLEDGED;
            a.acknowledgedAt = now;
            return true;
        });
    }

    private String write(Map<String, Object> numbers) {
        try {
            return json.writeValueAsString(numbers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }

    /** A unique index refused the row (SQLState 23505, in H2 and PostgreSQL alike): another path raised the same trigger first. */
    static boolean uniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
