package tyndau.alerts;

import com.fasterxml.jackson.databind.JsonNode;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import tyndau.http.ApiException;

/** {@code /api/alert-rules}: what raises alerts, with its parameters and delivery channels. */
@Path("/api/alert-rules")
@Produces(MediaType.APPLICATION_JSON)
class RuleResource {
    private final RuleService rules;

    RuleResource(RuleService rules) {
        this.rules = rules;
    }

    @GET
    @Operation(summary = "Every alert rule (webhooks shown by origin only, recipients masked)")
    public List<RuleView> list() {
        return rules.all().stream().map(rules::view).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One alert rule")
    public RuleView get(@PathParam("id") String id) {
        return rules.byId(id).map(rules::view).orElseThrow(() -> ApiException.notFound("no alert rule '" + id + "'"));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Create an alert rule (409 when its id exists); a bad rule is a 400 saying what is wrong")
    public Response create(@RequestBody(content = @Content(schema = @Schema(implementation = RuleView.class))) JsonNode json) {
        RuleView body = rules.parse(required(json));
        if (body.id() != null && rules.byId(body.id()).isPresent()) {
            throw new ApiException(409, "conflict", "alert rule '" + body.id() + "' exists; PUT /api/alert-rules/" + body.id() + " replaces it");
        }
        return Response.status(201).entity(rules.put(body)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Create or replace an alert rule (a webhook secret left out is kept)")
    public RuleView put(@PathParam("id") String id,
                        @RequestBody(content = @Content(schema = @Schema(implementation = RuleView.class))) JsonNode json) {
        RuleView body = rules.parse(required(json));
        if (body.id() != null && !body.id().equals(id)) {
            throw ApiException.badRequest("the id in the body ('" + body.id() + "') differs from the path ('" + id + "')");
        }
        return rules.put(new RuleView(id, body.kind(), body.label(), body.enabled(), body.topics(), body.params(),
                body.channels(), null, null));
    }

    private static JsonNode required(JsonNode json) {
        if (json == null || !json.isObject()) {
            throw ApiException.badRequest("the body must be an alert rule, a JSON object");
        }
        return json;
    }

    @DELETE
    @Path("/{id}")
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Delete an alert rule; its alerts stay, and alerts.yml does not bring it back")
    public Response delete(@PathParam("id") String id) {
        if (!rules.delete(id)) {
            throw ApiException.notFound("no alert rule '" + id + "'");
        }
        return Response.noContent().build();
    }
}
