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
import tyndau.http.ApiException;
import tyndau.http.Page;

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
    @Operation(summary = "Stored documents, newest first; page starts at 1",
            description = "Pages reach the 10,000th document. Past that, read by cursor: 'before' (a document id) lists"
                    + " the documents stored before it, last stored first, and the answer's 'next' is the cursor of the"
                    + " following page (absent on the last).")
    public Page<DocumentView> list(@QueryParam("source") String source,
                                   @QueryParam("page") @DefaultValue("1") int page,
                                   @QueryParam("size") @DefaultValue("20") int size,
                                   @QueryParam("before") Long before) {
        Optional<String> s = Optional.ofNullable(source).filter(v -> !v.isBlank());
        if (before != null) {
            if (page != 1) {
                throw ApiException.badRequest("'before' reads by cursor: leave 'page' out");
            }
            Page.check(1, size, MAX_SIZE);
            return documents.before(s, before, size);
        }
        Page.check(page, size, MAX_SIZE);
        return documents.list(s, page, size);
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
