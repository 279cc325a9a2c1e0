package tyndau.search;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/** {@code GET /api/search}. */
@Path("/api/search")
@Produces(MediaType.APPLICATION_JSON)
class SearchResource {
    private final SearchService search;

    SearchResource(SearchService search) {
        this.search = search;
    }

    @GET
    @Operation(summary = "Search documents: Lucene classic syntax, filters, highlights, facets",
            description = "Terms are all required unless joined with OR; a word in any form finds every form of it in Kazakh,"
                    + " Russian (by dictionary lemma), English and Turkish; =word finds that exact form only; word~ also finds the"
                    + " words derived from it (Китай~: китайский, китаец). Fields: source:, lang:, side:, role:, published:[2023-01-01 TO 2023-02-01]."
                    + " Comma-separated filter values match any of them.")
    public SearchAnswer search(@QueryParam("q") String q,
                               @QueryParam("topic") String topic,
                               @QueryParam("side") @Parameter(description = "public, government or none") String side,
                               @QueryParam("role") String role,
                               @QueryParam("lang") String lang,
                               @QueryParam("source") String source,
                               @QueryParam("from") @Parameter(description = "YYYY-MM-DD (UTC) or ISO-8601 instant") String from,
                               @QueryParam("to") @Parameter(description = "YYYY-MM-DD, inclusive") String to,
                               @QueryParam("sort") @Parameter(description = "relevance (default with q) or date (newest first)") String sort,
                               @QueryParam("page") @DefaultValue("1") int page,
                               @QueryParam("size") @DefaultValue("20") int size,
                               @QueryParam("tone") @Parameter(description = "article tone labels: positive, neutral, negative (comma-separated)") String tone) {
        return search.search(new SearchRequest(q, topic, side, role, lang, source, from, to, sort, page, size, tone));
    }
}
