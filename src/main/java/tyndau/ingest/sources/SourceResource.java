package tyndau.ingest.sources;

import tyndau.document.Documents;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.source.Side;
import tyndau.source.Source;
import tyndau.source.SourceInput;
import tyndau.source.SourceRegistry;
import tyndau.http.ApiException;

/**
 * {@code /api/sources}: the registry with each source's health; writes (POST, PUT, DELETE, fetch
 * now) need the API key like every write under /api.
 */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
class SourceResource {
    private final Side side;
    private final ObjectMapper json;
    private final SourceRegistry registry;
    private final SourcePoller poller;

    SourceResource(Side side, ObjectMapper json, SourceRegistry registry, SourcePoller poller) {
        this.side = side;
        this.json = json;
        this.registry = registry;
        this.poller = poller;
    }

    /** A source as the contract shows it (docs/api.md, "Shapes"). */
    record View(String id, String name, String type, String url, String role, String side, String language, String timeZone,
                String pollInterval, boolean enabled, JsonNode selectors, Map<String, Object> health) {
    }

    @GET
    @Transactional
    @Operation(summary = "Every source, with role, side and health")
    public List<View> list() {
        return registry.list().stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public View get(@PathParam("id") String id) {
        return registry.find(id).map(this::view).orElseThrow(() -> ApiException.notFound("no source '" + id + "'"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a source (409 when the id exists)")
    public Response create(SourceInput in) {
        if (in == null) {
            throw ApiException.badRequest("a JSON source is required");
        }
        Source s = registry.create(in);
        return Response.status(201).entity(get(s.id)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or replace a source; feeds/sources.yml no longer overwrites it")
    public View put(@PathParam("id") String id, SourceInput in) {
        if (in == null) {
            throw ApiException.badRequest("a JSON source is required");
        }
        registry.put(id, in);
        return get(id);
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Delete a source: hidden and never polled; its documents stay")
    public Response delete(@PathParam("id") String id) {
        if (!registry.delete(id)) {
            throw ApiException.notFound("no source '" + id + "'");
        }
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/fetch")
    @Operation(summary = "Fetch the source now and answer what it brought: {new, duplicates, rejected, error}")
    public FetchOutcome fetchNow(@PathParam("id") String id) {
        return poller.fetchNow(id);
    }

    private View view(Source s) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("consecutiveFailures", s.consecutiveFailures);
        health.put("lastError", s.lastError);
        health.put("lastAttemptAt", s.lastAttemptAt);
        health.put("lastSuccessAt", s.lastSuccessAt);
        health.put("nextFetchAt", s.nextFetchAt);
        health.put("suspended", s.suspended);
        health.put("documents", Documents.countOfSource(s.id));
        long lastWeek = Documents.countOfSourceSince(s.id, Instant.now().minusSeconds(7 * 86400));
        health.put("documentsLast7Days", lastWeek);
        health.put("documentsPerDay", Math.round(lastWeek / 7.0 * 10) / 10.0);
        health.put("lastOutcome", readJson(s.lastOutcome));
        return new View(s.id, s.name, s.type, s.url, s.role.wire(), side.of(s.role), s.language, s.timeZone, s.pollInterval,
                s.enabled, readJson(s.selectors), health);
    }

    private JsonNode readJson(String text) {
        if (text == null) {
            return null;
        }
        try {
            return json.readTree(text);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
