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
    private final tyndau.document.EventRebuild events;

    AdminResource(Reindexer reindexer, tyndau.document.EventRebuild events) {
        this.reindexer = reindexer;
        this.events = events;
    }

    @POST
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Start a rebuild (202); 409 while one runs. Progress: GET on the same path",
            description = "When documents carry events assigned under other parameters (docs/events.md, Re-assignment) and this"
                    + " instance holds the events job, every event is re-assigned first (progress under `events`), then the"
                    + " index is rebuilt.")
    public Response start() {
        if (events.running()) {
            tyndau.document.EventRebuild.Status e = events.status();
            throw new ApiException(409, "conflict", "events are being re-assigned: " + e.done() + " / " + e.total() + " rows");
        }
        if (events.start()) {
            return Response.status(202).entity(reindexer.status()).build();
        }
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
