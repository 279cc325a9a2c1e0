package tyndau.topics;

import tyndau.cluster.Cluster;

import tyndau.Row;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.lucene.search.Query;
import org.jboss.logging.Logger;
import tyndau.TyndauConfig;
import tyndau.YamlDefaults;
import tyndau.index.QueryLanguage;
import tyndau.http.ApiException;

/**
 * The topics and their parsed queries. Defaults come from {@code feeds/topics.yml} on start
 * (inserted when missing, updated while nobody has edited them through the API).
 */
@ApplicationScoped
public class TopicService {
    private static final Logger LOG = Logger.getLogger(TopicService.class);

    /** A topic with its query parsed, ready to run, and compiled for one document at a time when it can be. */
    /** Longest topic query, in characters (as TopicView validates it). */
    public static final int MAX_QUERY_CHARS = 8000;

    public record Compiled(TopicView topic, Query query, java.util.Optional<QueryMatcher> matcher) {
        Compiled(TopicView topic, Query query) {
            this(topic, query, QueryMatcher.compile(query));
        }
    }

    private final TyndauConfig config;
    private final jakarta.enterprise.event.Event<tyndau.index.Reindexer.TopicsChanged> changed;
    private volatile Map<String, Compiled> compiled = Map.of();
    private volatile List<Compiled> sorted = List.of();
    private final Cluster cluster;

    TopicService(TyndauConfig config, jakarta.enterprise.event.Event<tyndau.index.Reindexer.TopicsChanged> changed, Cluster cluster) {
        this.cluster = cluster;
        this.config = config;
        this.changed = changed;
    }

    void onStart(@Observes @Priority(10) StartupEvent start) {
        YamlDefaults.loadOnStart(config.feedsDir().resolve("topics.yml"), "topics", TopicService::parseDefault, TopicService::storeDefault);
        reload();
    }

    void loadDefaults(Path file) throws IOException {
        YamlDefaults.load(file, "topics", TopicService::parseDefault, TopicService::storeDefault);
    }

    private static TopicView parseDefault(JsonNode t) {
        TopicView v = new TopicView(t.path("id").asText(null), Label.from(t.get("label")),
                t.path("query").asText(null), t.path("sensitive").asBoolean(false));
        validate(v);
        return v;
    }

    /** A default is inserted when missing and updated while nobody has edited or deleted it through the API. */
    private static void storeDefault(TopicView v) {
        Topic existing = Topic.findById(v.id());
        if (existing == null) {
            store(new Topic(), v, false).persist();
        } else if (!existing.edited) {
            store(existing, v, false);
        }
    }

    private static Topic store(Topic t, TopicView v, boolean edited) {
        t.id = v.id();
        t.label = v.label().text();
        t.labels = v.label().storedLabels();
        t.query = v.query().trim();
        t.sensitive = Boolean.TRUE.equals(v.sensitive());
        t.edited = t.edited || edited;
        t.deleted = false;
        t.updatedAt = Instant.now();
        return t;
    }

    /** Throws a 400 that says what is wrong, including where a query fails to parse. */
    public static Query validate(TopicView v) {
        if (v.id() == null || !v.id().matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw ApiException.badRequest("'id' must be a slug of lower-case letters, digits, '-' or '_'");
        }
        String labelProblem = v.label() == null ? "'label' is required" : v.label().problem();
        if (labelProblem != null) {
            throw ApiException.badRequest(labelProblem);
        }
        if (v.query() == null || v.query().isBlank()) {
            throw ApiException.badRequest("'query' is required");
        }
        try {
            return QueryLanguage.parse(v.query(), false);
        } catch (QueryLanguage.InvalidQuery e) {
            throw ApiException.badRequest("'query' is not valid Lucene syntax: " + e.getMessage());
        }
    }

    /**
     * Re-reads the topics; answers whether what the index holds of them changed (a topic added, removed, or its
     * query edited): only then must the index be rebuilt. A label, a sensitivity or a reconnect's re-read alone
     * changes nothing there.
     */
    private boolean reload() {
        Map<String, String> before = queries(sorted);
        Map<String, Compiled> next = new LinkedHashMap<>();
        List<Topic> all = QuarkusTransaction.requiringNew().call(() -> Row.list(Topic.class, "deleted = false"));
        all.sort(Comparator.comparing(t -> t.id));
        for (Topic t : all) {
            try {
                next.put(t.id, new Compiled(TopicView.of(t), QueryLanguage.parse(t.query, false)));
            } catch (QueryLanguage.InvalidQuery e) {
                LOG.errorf("topic %s has an invalid query and is ignored: %s", t.id, e.getMessage());
            }
        }
        compiled = Map.copyOf(next);
        sorted = List.copyOf(next.values());
        return !before.equals(queries(sorted));
    }

    private static Map<String, String> queries(List<Compiled> topics) {
        Map<String, String> out = new LinkedHashMap<>();
        if (topics != null) {
            topics.forEach(c -> out.put(c.topic().id(), c.topic().query()));
        }
        return out;
    }

    /** Every topic, by id. */
    public List<Compiled> all() {
        return sorted;
    }

    public Optional<Compiled> byId(String id) {
        return Optional.ofNullable(compiled.get(id));
    }

    /** Creates or replaces a topic; its whole history changes at once, since matching is done at query time. */
    public TopicView put(TopicView v) {
        validate(v);
        QuarkusTransaction.requiringNew().run(() -> {
            Topic existing = Topic.findById(v.id());
            if ((existing == null || existing.deleted) && Row.count(Topic.class, "deleted = false") >= config.topics().max()) {
                throw ApiException.conflict("there are " + config.topics().max() + " topics already, the most kept"
                        + " (tyndau.topics.max): every document is read against each; delete one first");
            }
            if (existing == null) {
                store(new Topic(), v, true).persist();
            } else {
                store(existing, v, true);
            }
        });
        if (reload()) {
            changed.fire(new tyndau.index.Reindexer.TopicsChanged());
        }
        cluster.announce("topics", v.id());
        return compiled.get(v.id()).topic();
    }

    public boolean delete(String id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> {
            Topic t = Topic.findById(id);
            if (t == null || t.deleted) {
                return false;
            }
            t.deleted = true;
            t.edited = true;
            t.updatedAt = Instant.now();
            return true;
        });
        if (reload() && deleted) {
            changed.fire(new tyndau.index.Reindexer.TopicsChanged());
            cluster.announce("topics", id);
        }
        return deleted;
    }

    /** Topics edited through another instance: the same topics here, and this replica's index re-drawn. */
    void onMessage(@jakarta.enterprise.event.Observes Cluster.Message m) {
        if (m.kind().equals("topics") && reload()) {
            changed.fire(new tyndau.index.Reindexer.TopicsChanged());
        }
    }
}
