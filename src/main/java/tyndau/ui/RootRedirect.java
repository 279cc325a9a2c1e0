package tyndau.ui;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;

/** {@code GET /}: a person opening the service lands on the dashboard. */
@Path("/")
class RootRedirect {

    @GET
    @Operation(hidden = true)
    public Response root() {
        return Response.seeOther(URI.create("/ui/")).build();
    }

    /** Browsers ask for it on any page without an icon link (a JSON error page, say). */
    @GET
    @Path("favicon.ico")
    @Operation(hidden = true)
    public Response favicon() {
        return Response.status(Response.Status.MOVED_PERMANENTLY).location(URI.create("/ui/assets/favicon.svg")).build();
    }
}
