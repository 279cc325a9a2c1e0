package tyndau.alerts;

import tyndau.Row;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tyndau.http.Page;

/** Reads alerts back as {@link AlertView}s: one, or a filtered page, newest trigger first. */
@ApplicationScoped
class AlertQueries {
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    /** Filters of {@code GET /api/alerts}; empty means any. {@code until} is exclusive. */
    record Filter(Optional<String> status, Optional<String> kind, Optional<String> topic, Optional<String> rule,
                  Optional<Instant> from, Optional<Instant> until, Optional<Boolean> historical) {
    }

    private final EntityManager em;
    private final ObjectMapper json;

    AlertQueries(tyndau.Database db, ObjectMapper json) {
        this.em = db.em();
        this.json = json;
    }

    @Transactional
    Page<AlertView> list(Filter f, int page, int size) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        f.status().ifPresent(v -> add(where, params, "status = :status", "status", v));
        f.kind().ifPresent(v -> add(where, params, "kind = :kind", "kind", v));
        f.topic().ifPresent(v -> add(where, params, "topic = :topic", "topic", v));
        f.rule().ifPresent(v -> add(where, params, "ruleId = :rule", "rule", v));
        f.from().ifPresent(v -> add(where, params, "occurredAt >= :from", "from", v));
        f.until().ifPresent(v -> add(where, params, "occurredAt < :until", "until", v));
        f.historical().ifPresent(v -> add(where, params, "historical = :historical", "historical", v));
        String condition = where.isEmpty() ? "" : " where " + String.join(" and ", where);
        TypedQuery<Alert> q = em.createQuery("from Alert" + condition + " order by occurredAt desc, id desc", Alert.class);
        TypedQuery<Long> count = em.createQuery("select count(*) from Alert" + condition, Long.class);
        params.forEach((k, v) -> {
            q.setParameter(k, v);
            count.setParameter(k, v);
        });
        List<Alert> alerts = q.setFirstResult(Page.offset(page, size)).setMaxResults(size).getResultList();
        return new Page<>(count.getSingleResult(), page, size, views(alerts));
    }

    private static void add(List<String> where, Map<String, Object> params, String clause, String name, Object value) {
        where.add(clause);
        params.put(name, value);
    }

    @Transactional
    Optional<AlertView> byId(long id) {
        return Optional.ofNullable(Alert.findById(id)).map(a -> views(List.of(a)).get(0));
    }

    /** The views of stored alerts, with their documents and deliveries, in the order given. */
    List<AlertView> views(List<Alert> alerts) {
        if (alerts.isEmpty()) {
            return List.of();
        }
        List<Long> ids = alerts.stream().map(a -> a.id).toList();
        Map<Long, List<AlertView.Doc>> docs = new HashMap<>();
        em.createQuery("select ad.alertId, d.id, d.title, d.url, d.sourceId, d.publishedAt, ad.role"
                        + " from AlertDocument ad, Document d where ad.documentId = d.id and ad.alertId in :ids"
                        + " and ad.role <> '" + AlertDocument.COUNTED + "'"
                        + " order by d.publishedAt, d.id", Object[].class)
                .setParameter("ids", ids)
                .getResultList()
                .forEach(r -> docs.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add(new AlertView.Doc((Long) r[1],
                        (String) r[2], (String) r[3], (String) r[4], (Instant) r[5], (String) r[6], "/ui/documents/" + r[1])));
        Map<Long, List<AlertView.Delivery>> deliveries = new HashMap<>();
        Row.list(AlertDelivery.class, "alertId in ?1 order by id", ids).forEach(d ->
                deliveries.computeIfAbsent(d.alertId, k -> new ArrayList<>()).add(new AlertView.Delivery(d.channel,
                        shown(d), d.state, d.attempts, Masking.error(d.lastError), d.lastAttemptAt, d.nextAttemptAt, d.deliveredAt)));
        List<AlertView> out = new ArrayList<>(alerts.size());
        for (Alert a : alerts) {
            Map<String, Object> numbers = numbers(a.numbers);
            Map<String, String> links = new LinkedHashMap<>();
            if (a.topic.startsWith(SearchRules.SUBJECT_PREFIX)) {
                String search = a.topic.substring(SearchRules.SUBJECT_PREFIX.length());
                links.put("savedSearch", "/api/saved-searches/" + search);
            } else {
                links.put("topic", "/ui/topics/" + a.topic + "?from=" + numbers.get("from") + "&to=" + numbers.get("to"));
            }
            links.put("self", "/api/alerts/" + a.id);
            out.add(new AlertView(a.id, a.kind, a.ruleId, a.topic, a.createdAt, a.occurredAt, a.status, a.acknowledgedAt,
                    a.historical, a.explanation, numbers, links, docs.getOrDefault(a.id, List.of()),
                    deliveries.getOrDefault(a.id, List.of())));
        }
        return out;
    }

    private static String shown(AlertDelivery d) {
        return AlertDelivery.WEBHOOK.equals(d.channel) ? Masking.origin(d.target)
                : String.join(",", Masking.addresses(Arrays.asList(d.target.split(","))));
    }

    private Map<String, Object> numbers(String stored) {
        try {
            return json.readValue(stored, MAP);
        } catch (IOException e) {
            throw new IllegalStateException("alert numbers are not JSON", e);
        }
    }
}
