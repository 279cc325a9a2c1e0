package tyndau.document;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import tyndau.web.ApiException;
import tyndau.web.Page;

/** {@code /api/documents}: what was stored, read back. */
@Path("/api/documents")
@Produces(MediaType.APPLICATION_JSON)
class DocumentResource {
    static final int MAX_SIZE = 200;

    private final DocumentService documents;

    DocumentResource(DocumentService documents) {
        this.documents = documents;
    }

    @GET
    @Operation(summary = "Stored documents, newest first; page starts at 1")
    public Page<DocumentView> list(@QueryParam("source") String source,
                                   @QueryParam("page") @DefaultValue("1") int page,
                                   @QueryParam("size") @DefaultValue("20") int size) {
        Page.check(page, size, MAX_SIZE);
        return documents.list(Optional.ofNullable(source).filter(s -> !s.isBlank()), page, size);
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One stored document")
    public DocumentView get(@PathParam("id") String id) {
        long n;
        try {
            n = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw ApiException.notFound("no document with id '" + id + "'");
        }
        return documents.byId(n).orElseThrow(() -> ApiException.notFound("no document with id " + n));
    }
}
