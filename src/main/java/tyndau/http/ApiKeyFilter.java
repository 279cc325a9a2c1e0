package tyndau.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Set;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Every write under {@code /api} needs {@code Authorization: Bearer <api key>}; reads are open. */
class ApiKeyFilter {
    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
    /** POSTs that store nothing: a topic query tried before it is saved. */
    private static final Set<String> READ_POSTS = Set.of("/api/topics/preview");

    private final ApiKey apiKey;

    ApiKeyFilter(ApiKey apiKey) {
        this.apiKey = apiKey;
    }

    @ServerRequestFilter(preMatching = true)
    Response requireKeyForWrites(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (READS.contains(request.getMethod()) || !(path.equals("/api") || path.startsWith("/api/"))
                || request.getMethod().equals("POST") && READ_POSTS.contains(path)) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) && apiKey.matches(header.substring(7))) {
            return null;
        }
        return Response.status(401)
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"tyndau\"")
                .entity(new ApiError("unauthorized",
                        "write endpoints need 'Authorization: Bearer <api key>' (tyndau.api-key, or the file api-key under TYNDAU_HOME)"))
                .type("application/json")
                .build();
    }
}
