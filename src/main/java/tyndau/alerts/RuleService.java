package tyndau.alerts;

import tyndau.cluster.Cluster;

import tyndau.Row;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;
import tyndau.TyndauConfig;
import tyndau.YamlDefaults;
import tyndau.search.SavedSearches;
import tyndau.topics.TopicService;
import tyndau.http.ApiException;

/**
 * The alert rules. Defaults come from {@code feeds/alerts.yml} on start (inserted when missing,
 * updated while nobody has edited them through the API); rules edited or deleted through the API
 * stay as they were left, like topics.
 */
@ApplicationScoped
class RuleService {
    private static final Logger LOG = Logger.getLogger(RuleService.class);
    private static final TypeReference<Map<String, Object>> PARAMS = new TypeReference<>() {
    };

    private final TyndauConfig config;
    private final AlertsConfig alerts;
    private final TopicService topics;
    private final SavedSearches searches;
    private final ObjectMapper json;
    private final ObjectMapper strict;
    private volatile Map<String, Rule> rules = Map.of();
    private volatile Map<String, Stored> stored = Map.of();

    /** When and whether a rule was changed through the API, as the rule listing shows it. */
    private record Stored(boolean edited, Instant updatedAt) {
    }
    private final Cluster cluster;

    RuleService(TyndauConfig config, AlertsConfig alerts, TopicService topics, SavedSearches searches, ObjectMapper json, Cluster cluster) {
        this.cluster = cluster;
        this.config = config;
        this.searches = searches;
        this.alerts = alerts;
        this.topics = topics;
        this.json = json;
        this.strict = json.copy().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    }

    /** After the topics (priority 10), which rules may name. */
    void onStart(@Observes @Priority(15) StartupEvent start) {
        YamlDefaults.loadOnStart(config.feedsDir().resolve("alerts.yml"), "rules", this::parseDefault, this::storeDefault);
        reload();
    }

    /** Reads the defaults; a bad rule is logged and skipped, the others are loaded. Answers how many were loaded. */
    int loadDefaults(Path file) throws IOException {
        int n = YamlDefaults.load(file, "rules", this::parseDefault, this::storeDefault);
        reload();
        return n;
    }

    private Rule parseDefault(JsonNode r) {
        return RuleValidation.validate(parse(r), Optional.empty(), t -> topics.byId(t).isPresent(), searches::exists);
    }

    /** A default is inserted when missing and updated while nobody has edited it through the API. */
    private void storeDefault(Rule rule) {
        AlertRule existing = AlertRule.findById(rule.id());
        if (existing == null) {
            store(new AlertRule(), rule, false).persist();
        } else if (!existing.edited) {
            store(existing, rule, false);
        }
    }

    /**
     * A rule from JSON (or YAML), strictly: a misspelt field ("topic" for "topics") would otherwise be
     * dropped in silence and widen the rule to every topic.
     */
    RuleView parse(JsonNode node) {
        try {
            return strict.treeToValue(node, RuleView.class);
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("'" + e.getPropertyName() + "' is not a field of an alert rule (fields: id, kind,"
                    + " label, enabled, topics, params, channels; channels: sse, webhook, email; webhook: url, secret)");
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String where = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                    ? " at '" + m.getPath().stream().map(p -> p.getFieldName() != null ? p.getFieldName() : "[" + p.getIndex() + "]")
                    .collect(java.util.stream.Collectors.joining(".")) + "'" : "";
            throw ApiException.badRequest("the body is not an alert rule" + where + ": expected " + expected(where));
        }
    }

    private static String expected(String where) {
        if (where.contains("topics") || where.contains("email")) {
            return "a list of strings";
        }
        if (where.contains("params") || where.contains("channels") || where.contains("webhook")) {
            return "an object";
        }
        return "an object with the fields of an alert rule";
    }

    private AlertRule store(AlertRule r, Rule rule, boolean edited) {
        r.id = rule.id();
        r.kind = rule.kind().wire;
        r.label = rule.label();
        r.enabled = rule.enabled();
        r.topics = rule.topics().isEmpty() ? null : String.join(",", rule.topics());
        try {
            r.params = json.writeValueAsString(rule.params());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        r.webhookUrl = rule.webhookUrl();
        r.webhookSecret = rule.webhookSecret();
        r.emailTo = rule.email().isEmpty() ? null : String.join(",", rule.email());
        r.edited = r.edited || edited;
        r.deleted = false;
        r.updatedAt = Instant.now();
        return r;
    }

    private Rule compile(AlertRule r) {
        try {
            return new Rule(r.id, RuleKind.of(r.kind).orElseThrow(), r.label, r.enabled, split(r.topics),
                    json.readValue(r.params, PARAMS), r.webhookUrl, r.webhookSecret, split(r.emailTo));
        } catch (IOException | RuntimeException e) {
            LOG.errorf("alert rule %s cannot be read and is ignored: %s", r.id, e.getMessage());
            return null;
        }
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isBlank() ? List.of() : Arrays.stream(csv.split(",")).map(String::trim).toList();
    }

    private synchronized void reload() {
        Map<String, Rule> next = new LinkedHashMap<>();
        Map<String, Stored> meta = new LinkedHashMap<>();
        List<AlertRule> all = QuarkusTransaction.requiringNew().call(() -> Row.list(AlertRule.class, "deleted = false"));
        all.sort(Comparator.comparing(r -> r.id));
        for (AlertRule r : all) {
            Rule rule = compile(r);
            if (rule != null) {
                next.put(r.id, rule);
                meta.put(r.id, new Stored(r.edited, r.updatedAt));
            }
        }
        stored = meta;
        rules = next;
    }

    /** Every rule, disabled ones included, by id. */
    List<Rule> all() {
        return List.copyOf(rules.values());
    }

    /** The enabled rules of one kind. */
    List<Rule> enabled(RuleKind kind) {
        return rules.values().stream().filter(r -> r.enabled() && r.kind() == kind).toList();
    }

    Optional<Rule> byId(String id) {
        return Optional.ofNullable(rules.get(id));
    }

    /** A rule as stored, deleted ones included: deliveries of its alerts still need its secret. */
    Optional<Rule> storedById(String id) {
        Rule live = rules.get(id);
        if (live != null) {
            return Optional.of(live);
        }
        return Optional.ofNullable(QuarkusTransaction.requiringNew().call(() -> {
            AlertRule r = AlertRule.findById(id);
            return r == null ? null : compile(r);
        }));
    }

    /** Creates or replaces a rule (marked edited, so alerts.yml leaves it alone from now on). */
    RuleView put(RuleView v) {
        Rule rule = RuleValidation.validate(v, byId(v.id()), t -> topics.byId(t).isPresent(), searches::exists);
        QuarkusTransaction.requiringNew().run(() -> {
            AlertRule existing = AlertRule.findById(rule.id());
            if ((existing == null || existing.deleted) && Row.count(AlertRule.class, "deleted = false") >= alerts.maxRules()) {
                throw ApiException.conflict("there are " + alerts.maxRules() + " alert rules already, the most kept"
                        + " (tyndau.alerts.max-rules); delete one first");
            }
            if (existing == null) {
                store(new AlertRule(), rule, true).persist();
            } else {
                store(existing, rule, true);
            }
        });
        reload();
        cluster.announce("rules", rule.id());
        return view(rules.get(rule.id()));
    }

    boolean delete(String id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> {
            AlertRule r = AlertRule.findById(id);
            if (r == null || r.deleted) {
                return false;
            }
            r.deleted = true;
            r.edited = true;
            r.updatedAt = Instant.now();
            return true;
        });
        reload();
        if (deleted) {
            cluster.announce("rules", id);
        }
        return deleted;
    }

    /** Rules edited through another instance. */
    void onMessage(@jakarta.enterprise.event.Observes Cluster.Message m) {
        if (m.kind().equals("rules")) {
            reload();
        }
    }

    RuleView view(Rule r) {
        Stored s = stored.get(r.id());
        RuleView.Webhook hook = r.webhookUrl() == null ? null
                : new RuleView.Webhook(null, null, Masking.origin(r.webhookUrl()), r.webhookSecret() != null);
        return new RuleView(r.id(), r.kind().wire, r.label(), r.enabled(), r.topics(), r.params(),
                new RuleView.Channels(true, hook, Masking.addresses(r.email())), s != null && s.edited(), s == null ? null : s.updatedAt());
    }
}
