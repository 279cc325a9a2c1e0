package tyndau.alerts;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import tyndau.responsiveness.Method;
import tyndau.responsiveness.ResponsivenessConfig;
import tyndau.responsiveness.ResponsivenessService;
import tyndau.responsiveness.ResponsivenessService.Episode;
import tyndau.signals.Range;
import tyndau.signals.SignalsConfig;
import tyndau.topics.TopicService;

/**
 * The episode rules (public-surge, unanswered, trial-balloon), evaluated over the responsiveness
 * method's episodes. Outside the history pass each rule looks at the recent days it needs (the news
 * age plus its own days); an episode beginning on the first day looked at is skipped, since it may
 * have begun earlier and was judged then. An alert's key is the rule, the topic and the day the
 * public surge began, the same whatever range found it.
 */
@ApplicationScoped
class EpisodeRules {
    private static final Logger LOG = Logger.getLogger(EpisodeRules.class);

    private final RuleService rules;
    private final TopicService topics;
    private final ResponsivenessService responsiveness;
    private final ResponsivenessConfig method;
    private final SignalsConfig signals;
    private final AlertsConfig config;
    private final AlertStore store;
    private final AlertEvents events;

    EpisodeRules(RuleService rules, TopicService topics, ResponsivenessService responsiveness, ResponsivenessConfig method,
                 SignalsConfig signals, AlertsConfig config, AlertStore store, AlertEvents events) {
        this.rules = rules;
        this.topics = topics;
        this.responsiveness = responsiveness;
        this.method = method;
        this.signals = signals;
        this.config = config;
        this.store = store;
        this.events = events;
    }

    private record AnswerKey(String topic, LocalDate from, Method.Params params) {
    }

    /**
     * Evaluates every enabled episode rule on every topic it watches; {@code historyFrom} is the
     * first day of the data for the history pass, null otherwise. Answers how many alerts were raised.
     */
    int evaluate(LocalDate historyFrom) {
        return evaluate(historyFrom, null, new java.util.TreeMap<>());
    }

    /**
     * As above over the days from {@code historyFrom} to {@code historyTo} (today when null), counting
     * what is raised per rule kind into {@code byKind}.
     */
    int evaluate(LocalDate historyFrom, LocalDate historyTo, Map<String, Integer> byKind) {
        Instant now = Instant.now();
        ZoneId zone = signals.timeZone();
        LocalDate today = historyTo != null ? historyTo : LocalDate.now(zone);
        Map<AnswerKey, ResponsivenessService.Answer> answers = new HashMap<>();
        int raised = 0;
        for (Rule rule : rules.all()) {
            if (!rule.enabled() || !rule.kind().episodic) {
                continue;
            }
            Method.Params p = params(rule);
            LocalDate from = historyFrom != null ? historyFrom : today.minusDays(lookbackDays(rule, p));
            if (from.isAfter(today)) {
                continue;
            }
            Range range = new Range(from, today, zone);
            for (TopicService.Compiled t : topics.all()) {
                String topic = t.topic().id();
                if (!rule.watches(topic)) {
                    continue;
                }
                ResponsivenessService.Answer a;
                try {
                    a = answers.computeIfAbsent(new AnswerKey(topic, from, p), k -> responsiveness.analyze(topic, range, p));
                } catch (RuntimeException e) {
                    LOG.errorf(e, "rule %s: episodes of topic %s could not be computed", rule.id(), topic);
                    continue;
                }
                for (Episode e : a.episodes()) {
                    if (e.onset().equals(from.toString()) || e.firstPublicAt() == null) {
                        continue;
                    }
                    Optional<Trigger> found = trigger(rule, topic, t.topic().label().text(), e, p, now, zone, historyFrom != null);
                    if (found.isPresent()) {
                        Optional<Long> id = store.raise(found.get(), now);
                        id.ifPresent(events::raised);
                        raised += id.isPresent() ? 1 : 0;
                        if (id.isPresent()) {
                            byKind.merge(rule.kind().wire, 1, Integer::sum);
                        }
                    }
                }
            }
        }
        return raised;
    }

    /** The method's constants for a rule: its own threshold, minimum documents and balloon days where it sets them. */
    private Method.Params params(Rule rule) {
        Integer days = rule.intParam("days");
        Integer responseDays = days == null ? null : Math.max(days, method.responseDays());
        return responsiveness.params(new ResponsivenessService.Overrides(null, rule.doubleParam("threshold"),
                rule.intParam("minDocs"), null, responseDays, null, rule.intParam("balloonDays"), null, null, null, null, null));
    }

    /** Days back a rule needs: triggers within the news age, plus the rule's own wait, plus a margin of two days. */
    private long lookbackDays(Rule rule, Method.Params p) {
        long news = (config.newsAge().toHours() + 23) / 24;
        long own = switch (rule.kind()) {
            case UNANSWERED -> rule.intParam("days");
            case TRIAL_BALLOON -> p.balloonDays();
            default -> 0;
        };
        return news + own + 2;
    }

    /** The events (issue 31) the episode's cited public documents report, most reported first (then the older id). */
    private static List<Explanations.WaveEvent> events(Episode e) {
        List<Long> ids = e.evidence().stream().map(ResponsivenessService.Cited::id).toList();
        if (ids.isEmpty()) {
            return List.of();
        }
        return io.quarkus.narayana.jta.QuarkusTransaction.joiningExisting().call(() -> {
            java.util.Map<Long, List<tyndau.document.Document>> byEvent = new java.util.TreeMap<>();
            List<tyndau.document.Document> docs = new ArrayList<>(tyndau.document.Documents.byIds(ids).values());
            docs.sort(java.util.Comparator.comparing((tyndau.document.Document d) -> d.publishedAt,
                    java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())));
            for (tyndau.document.Document d : docs) {
                if (d.eventId != null) {
                    byEvent.computeIfAbsent(d.eventId, k -> new ArrayList<>()).add(d);
                }
            }
            List<Explanations.WaveEvent> out = new ArrayList<>();
            byEvent.forEach((id, reports) -> out.add(new Explanations.WaveEvent(id, reports.get(0).title, reports.size())));
            out.sort(java.util.Comparator.comparingInt(Explanations.WaveEvent::documents).reversed()
                    .thenComparingLong(Explanations.WaveEvent::id));
            return out;
        });
    }

    private Optional<Trigger> trigger(Rule rule, String topic, String label, Episode e, Method.Params p, Instant now,
                                      ZoneId zone, boolean historyPass) {
        Instant at;
        String key;
        Explanations.Explained why;
        List<Trigger.Cite> docs = new ArrayList<>();
        switch (rule.kind()) {
            case PUBLIC_SURGE -> {
                if (!"public".equals(e.ledBy())) {
                    return Optional.empty();
                }
                at = e.firstPublicAt();
                key = e.onset();
                why = Explanations.withEvents(Explanations.surge(topic, label, e, p), events(e));
            }
            case UNANSWERED -> {
                int days = rule.intParam("days");
                Instant deadline = e.firstPublicAt().plus(Duration.ofDays(days));
                if (!"public".equals(e.ledBy()) || deadline.isAfter(now)
                        || (e.response() != null && !e.response().at().isAfter(deadline))) {
                    return Optional.empty();
                }
                at = deadline;
                key = e.onset();
                why = Explanations.withEvents(Explanations.unanswered(topic, label, e, p, days, deadline, now, zone), events(e));
            }
            case TRIAL_BALLOON -> {
                if (!"trial-balloon".equals(e.kind()) || e.announcement() == null) {
                    return Optional.empty();
                }
                at = e.firstPublicAt();
                // The public reaction's first day, not the announcement's: which government document
                // leads can depend on where the range begins; the reaction cannot.
                key = "reaction:" + Explanations.day(e.firstPublicAt(), zone);
                why = Explanations.balloon(topic, label, e, p, zone);
                docs.add(new Trigger.Cite(e.announcement().id(), AlertDocument.ANNOUNCEMENT, null));
            }
            default -> {
                return Optional.empty();
            }
        }
        boolean old = at.isBefore(now.minus(config.newsAge()));
        if (old && !historyPass) {
            return Optional.empty();
        }
        if (e.response() != null && rule.kind() != RuleKind.TRIAL_BALLOON) {
            docs.add(new Trigger.Cite(e.response().id(), AlertDocument.RESPONSE, null));
        }
        for (ResponsivenessService.Cited c : e.evidence()) {
            if (docs.stream().noneMatch(d -> d.documentId() == c.id())) {
                docs.add(new Trigger.Cite(c.id(), AlertDocument.EVIDENCE, null));
            }
        }
        return Optional.of(new Trigger(rule.id() + "|" + rule.kind().wire + "|" + topic + "|" + key, rule, topic, at, old,
                why.text(), why.numbers(), docs, null, null));
    }
}
