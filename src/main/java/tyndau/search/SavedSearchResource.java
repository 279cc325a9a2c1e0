package tyndau.search;

import tyndau.Row;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import tyndau.topics.TopicService;
import tyndau.topics.TopicView;
import tyndau.http.ApiException;

/**
 * {@code /api/saved-searches}: searches kept under a name (query, filters, range, sort), listed,
 * opened, renamed, deleted; shared by everyone with the key; each one a link to the search page and
 * to the API, and a topic in one step. Reads are open; writes need the key.
 */
@Path("/api/saved-searches")
@Produces(MediaType.APPLICATION_JSON)
class SavedSearchResource {
    /** Saved searches kept at most. */
    static final int MAX = 1000;

    private final SearchService search;
    private final TopicService topics;

    SavedSearchResource(SearchService search, TopicService topics) {
        this.search = search;
        this.topics = topics;
    }

    /** What a client sends: a name and the search's parameters (as {@code GET /api/search} takes them). */
    public record SavedSearchInput(String id, String name, String q, String topic, String side, String role, String lang,
                                   String source, String from, String to, String sort, String tone) {
    }

    /** A saved search, with the links that open it: the search page and the API. */
    public record SavedSearchView(String id, String name, String q, String topic, String side, String role, String lang,
                                  String source, String from, String to, String sort, Instant createdAt, Instant updatedAt,
                                  String link, String api, String tone) {
    }

    /** Turning a saved search into a topic: the topic's id and label (default: the search's id and name). */
    public record TopicFromSearch(String id, String label, Boolean sensitive) {
    }

    @GET
    @Operation(summary = "Every saved search, newest first")
    public List<SavedSearchView> list() {
        return QuarkusTransaction.requiringNew().call(() -> Row.list(SavedSearch.class, "order by updatedAt desc")
                .stream().map(SavedSearchResource::view).toList());
    }

    @GET
    @Path("/{id}")
    public SavedSearchView get(@PathParam("id") String id) {
        return QuarkusTransaction.requiringNew().call(() -> view(find(id)));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Save a search under a name (201; the id is made from the name unless given; 409 when it exists)")
    public Response create(SavedSearchInput in) {
        validate(in);
        String id = in.id() == null || in.id().isBlank() ? slug(in.name()) : in.id();
        if (!id.matches("[a-z0-9][a-z0-9_-]{0,63}")) {
            throw ApiException.badRequest("'id' must be a slug of lower-case letters, digits, '-' or '_'");
        }
        SavedSearchView v = QuarkusTransaction.requiringNew().call(() -> {
            if (SavedSearch.findById(id) != null) {
                throw ApiException.conflict("a saved search '" + id + "' exists; PUT /api/saved-searches/" + id + " changes it");
            }
            if (Row.count(SavedSearch.class, "") >= MAX) {
                throw ApiException.conflict("at most " + MAX + " searches are kept; delete one first");
            }
            SavedSearch s = new SavedSearch();
            s.id = id;
            s.createdAt = Instant.now();
            apply(s, in);
            s.persist();
            return view(s);
        });
        return Response.status(201).entity(v).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Rename a saved search or change its parameters (all of them are replaced)")
    public SavedSearchView put(@PathParam("id") String id, SavedSearchInput in) {
        validate(in);
        if (in.id() != null && !in.id().equals(id)) {
            throw ApiException.badRequest("the id in the body ('" + in.id() + "') differs from the path ('" + id + "')");
        }
        return QuarkusTransaction.requiringNew().call(() -> {
            SavedSearch s = find(id);
            apply(s, in);
            return view(s);
        });
    }

    @DELETE
    @Path("/{id}")
    @SecurityRequirement(name = "apiKey")
    public Response delete(@PathParam("id") String id) {
        boolean deleted = QuarkusTransaction.requiringNew().call(() -> Row.em().createQuery("delete from SavedSearch where id = ?1").setParameter(1, id).executeUpdate() > 0);
        if (!deleted) {
            throw ApiException.notFound("no saved search '" + id + "'");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/topic")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Make a topic of a saved search's query (201; 409 when the topic exists)",
            description = "Body {id?, label?, sensitive?}: defaults are the search's id and name. Topics are queries: the search's"
                    + " filters (side, language, source, range) are not part of a topic, which every view filters by itself.")
    public Response toTopic(@PathParam("id") String id, TopicFromSearch body) {
        SavedSearchView s = get(id);
        if (s.q() == null || s.q().isBlank()) {
            throw ApiException.badRequest("this saved search has no query ('q'), and a topic is a query");
        }
        String topicId = body == null || body.id() == null || body.id().isBlank() ? s.id() : body.id();
        if (topics.byId(topicId).isPresent()) {
            throw ApiException.conflict("topic '" + topicId + "' exists; give another id");
        }
        String label = body == null || body.label() == null || body.label().isBlank() ? s.name() : body.label();
        TopicView created = topics.put(new TopicView(topicId, tyndau.topics.Label.of(label), asTopicQuery(s.q()), body != null && Boolean.TRUE.equals(body.sensitive())));
        return Response.status(201).entity(created).build();
    }

    /**
     * The search's query with the meaning it had as a search: a search requires every word (AND), a topic
     * any (OR). Plain words are joined with AND; a query whose meaning would change otherwise is refused.
     */
    static String asTopicQuery(String q) {
        try {
            if (tyndau.index.QueryLanguage.parse(q, true).equals(tyndau.index.QueryLanguage.parse(q, false))) {
                return q;
            }
            String[] words = q.strip().split("\\s+");
            boolean plain = java.util.Arrays.stream(words).allMatch(w -> w.matches("[\\p{L}\\p{N}][\\p{L}\\p{N}'’_-]*\\*?"));
            if (plain) {
                return String.join(" AND ", words);
            }
        } catch (tyndau.index.QueryLanguage.InvalidQuery e) {
            throw ApiException.badRequest("'q' is not valid query syntax: " + e.getMessage());
        }
        throw ApiException.badRequest("a search requires all its words and a topic any of them: write this query with explicit"
                + " AND / OR before making it a topic");
    }

    private void validate(SavedSearchInput in) {
        if (in == null || in.name() == null || in.name().isBlank()) {
            throw ApiException.badRequest("'name' is required");
        }
        if (in.name().length() > 200) {
            throw ApiException.badRequest("'name' is longer than 200 characters");
        }
        if (in.sort() != null && !in.sort().isBlank() && !List.of("relevance", "date").contains(in.sort().toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("'sort' is relevance or date");
        }
        checkLength("q", in.q(), tyndau.index.QueryLanguage.MAX_CHARS);
        checkLength("topic", in.topic(), 64);
        checkLength("side", in.side(), 200);
        checkLength("role", in.role(), 200);
        checkLength("lang", in.lang(), 200);
        checkLength("source", in.source(), 2000);
        checkLength("tone", in.tone(), 200);
        // The same checks as a search: query syntax, topic, dates (each a 400 that says what is wrong).
        search.query(new SearchRequest(in.q(), in.topic(), in.side(), in.role(), in.lang(), in.source(), in.from(), in.to(), in.sort(), 1, 1,
                in.tone()));
    }

    private static void checkLength(String name, String value, int max) {
        if (value != null && value.length() > max) {
            throw ApiException.badRequest("'" + name + "' is longer than " + max + " characters");
        }
    }

    /** A day, as a search reads it (an instant's first ten characters). */
    private static String day(String v) {
        String d = blankToNull(v);
        return d == null || d.length() <= 10 ? d : d.substring(0, 10);
    }

    private static void apply(SavedSearch s, SavedSearchInput in) {
        s.name = in.name().strip();
        s.q = blankToNull(in.q());
        s.topic = blankToNull(in.topic());
        s.side = blankToNull(in.side());
        s.role = blankToNull(in.role());
        s.lang = blankToNull(in.lang());
        s.source = blankToNull(in.source());
        s.from = day(in.from());
        s.to = day(in.to());
        s.tone = blankToNull(in.tone());
        s.sort = in.sort() == null || in.sort().isBlank() ? null : in.sort().toLowerCase(Locale.ROOT);
        s.updatedAt = Instant.now();
    }

    private static SavedSearch find(String id) {
        SavedSearch s = SavedSearch.findById(id);
        if (s == null) {
            throw ApiException.notFound("no saved search '" + id + "'");
        }
        return s;
    }

    static SavedSearchView view(SavedSearch s) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("q", s.q);
        params.put("topic", s.topic);
        params.put("side", s.side);
        params.put("role", s.role);
        params.put("lang", s.lang);
        params.put("source", s.source);
        params.put("tone", s.tone);
        params.put("from", s.from);
        params.put("to", s.to);
        params.put("sort", s.sort);
        List<String> pairs = new ArrayList<>();
        params.forEach((k, v) -> {
            if (v != null) {
                pairs.add(k + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8));
            }
        });
        String query = String.join("&", pairs);
        // On the search page the language filter is "language": "lang" there chooses the page's own language.
        String page = String.join("&", pairs.stream().map(p -> p.startsWith("lang=") ? "language=" + p.substring(5) : p).toList());
        return new SavedSearchView(s.id, s.name, s.q, s.topic, s.side, s.role, s.lang, s.source, s.from, s.to, s.sort, s.createdAt,
                s.updatedAt, "/ui/search" + (page.isEmpty() ? "" : "?" + page), "/api/search" + (query.isEmpty() ? "" : "?" + query), s.tone);
    }

    /** A slug of the name: Latin letters and digits, other scripts transliterated away; "search" when nothing is left. */
    static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        String base = ascii.isEmpty() ? "search" : ascii.length() > 50 ? ascii.substring(0, 50).replaceAll("-+$", "") : ascii;
        return base + "-" + Long.toString(System.nanoTime() % 1_000_000L, 36);
    }

    private static String blankToNull(String v) {
        return v == null || v.isBlank() ? null : v.strip();
    }
}
