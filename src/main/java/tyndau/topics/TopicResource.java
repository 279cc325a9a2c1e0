package tyndau.topics;

import jakarta.validation.Valid;
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
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import tyndau.http.ApiException;

/** {@code /api/topics}: topics are saved Lucene queries; editing one re-draws its whole history. */
@Path("/api/topics")
@Produces(MediaType.APPLICATION_JSON)
class TopicResource {
    private final TopicService topics;

    TopicResource(TopicService topics) {
        this.topics = topics;
    }

    @GET
    @Operation(summary = "Every topic")
    public List<TopicView> list() {
        return topics.all().stream().map(TopicService.Compiled::topic).toList();
    }

    @GET
    @Path("/{id}")
    public TopicView get(@PathParam("id") String id) {
        return topics.byId(id).map(TopicService.Compiled::topic)
                .orElseThrow(() -> ApiException.notFound("no topic '" + id + "'"));
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Create or replace a topic; an invalid query is a 400 saying where it fails")
    public TopicView put(@PathParam("id") String id, @Valid TopicView body) {
        if (body.id() != null && !body.id().equals(id)) {
            throw ApiException.badRequest("the id in the body ('" + body.id() + "') differs from the path ('" + id + "')");
        }
        return topics.put(new TopicView(id, body.label(), body.query(), body.sensitive()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Create a topic (409 when its id exists)")
    public Response create(@Valid TopicView body) {
        if (body.id() == null) {
            throw ApiException.badRequest("'id' is required");
        }
        if (topics.byId(body.id()).isPresent()) {
            throw new ApiException(409, "conflict", "topic '" + body.id() + "' exists; PUT /api/topics/" + body.id() + " replaces it");
        }
        return Response.status(201).entity(topics.put(body)).build();
    }

    @DELETE
    @Path("/{id}")
    @SecurityRequirement(name = "apiKey")
    public Response delete(@PathParam("id") String id) {
        if (!topics.delete(id)) {
            throw ApiException.notFound("no topic '" + id + "'");
        }
        return Response.noContent().build();
    }
}
