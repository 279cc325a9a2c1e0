package tyndau.ingest.archive;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.io.InputStream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** {@code POST /api/import}: JSON Lines in, counts and per-line errors out. */
@Path("/api/import")
class ImportResource {
    private final ArchiveImporter importer;

    ImportResource(ArchiveImporter importer) {
        this.importer = importer;
    }

    @POST
    @Blocking
    @Consumes({"application/x-ndjson", "application/jsonl", "application/json-lines", "application/json", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "apiKey")
    @Operation(summary = "Import documents, one JSON object per line",
            description = "Fields: source, url, title, published (required); role (for a new source), body, lang, guid."
                    + " Streamed and committed in batches; importing the same lines again accepts none of them.")
    public ImportResult importDocuments(InputStream body) {
        return importer.importLines(body);
    }
}
