package tyndau.index;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import tyndau.http.ApiException;

/** {@code /api/admin/reindex}: rebuild the index from the database while searches keep working. */
@Path("/api/admin/reindex")
@Produces(MediaType.APPLICATION_JSON)
class AdminResource {
    private final Reindexer reindexer;

    AdminResource(Reindexer reindexer) {
        this.reindexer = reindexer;
    }

    @POST
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Start a rebuild (202); 409 while one runs. Progress: GET on the same path")
    public Response start() {
        if (!reindexer.start()) {
            Reindexer.Status s = reindexer.status();
            throw new ApiException(409, "conflict", "a rebuild is running: " + s.done() + " / " + s.total() + " documents");
        }
        return Response.status(202).entity(reindexer.status()).build();
    }

    @GET
    @Operation(summary = "Progress of the current or last rebuild: done / total, rate (documents/s), ETA")
    public Reindexer.Status status() {
        return reindexer.status();
    }
}
