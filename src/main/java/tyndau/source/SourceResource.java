package tyndau.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.web.ApiException;

/** {@code GET /api/sources}: the registry as stored, with each source's health (read-only until issue "Ingestion"). */
@Path("/api/sources")
@Produces(MediaType.APPLICATION_JSON)
class SourceResource {
    private final Side side;
    private final ObjectMapper json;

    SourceResource(Side side, ObjectMapper json) {
        this.side = side;
        this.json = json;
    }

    /** A source as DESIGN's contract shows it. */
    record View(String id, String name, String type, String url, String role, String side, String language, String timeZone,
                String pollInterval, boolean enabled, JsonNode selectors, Map<String, Object> health) {
    }

    @GET
    @Transactional
    @Operation(summary = "Every source, with role, side and health")
    public List<View> list() {
        return Source.<Source>listAll(io.quarkus.panache.common.Sort.by("id")).stream().map(this::view).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    public View get(@PathParam("id") String id) {
        return Source.byId(id).map(this::view).orElseThrow(() -> ApiException.notFound("no source '" + id + "'"));
    }

    private View view(Source s) {
        Map<String, Object> health = new LinkedHashMap<>();
        health.put("consecutiveFailures", s.consecutiveFailures);
        health.put("lastError", s.lastError);
        health.put("lastAttemptAt", s.lastAttemptAt);
        health.put("lastSuccessAt", s.lastSuccessAt);
        health.put("nextFetchAt", s.nextFetchAt);
        health.put("suspended", s.suspended);
        health.put("documents", tyndau.document.Document.count("sourceId", s.id));
        health.put("documentsLast7Days", tyndau.document.Document.count("sourceId = ?1 and fetchedAt >= ?2", s.id,
                Instant.now().minusSeconds(7 * 86400)));
        JsonNode selectors = null;
        if (s.selectors != null) {
            try {
                selectors = json.readTree(s.selectors);
            } catch (java.io.IOException e) {
                selectors = null;
            }
        }
        return new View(s.id, s.name, s.type, s.url, s.role.wire(), side.of(s.role), s.language, s.timeZone, s.pollInterval,
                s.enabled, selectors, health);
    }
}
