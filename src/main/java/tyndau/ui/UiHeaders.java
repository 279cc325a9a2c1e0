package tyndau.ui;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Dashboard pages may load and contact nothing but this service: a Content-Security-Policy
 * (W3C CSP Level 3) that also stops any injected inline script, and no MIME sniffing.
 */
class UiHeaders {
    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:;"
            + " connect-src 'self' blob:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self';"
            + " frame-ancestors 'none'";

    @ServerResponseFilter
    void secure(ContainerRequestContext request, ContainerResponseContext response) {
        String path = request.getUriInfo().getPath();
        if (path.equals("/ui") || path.startsWith("/ui/")) {
            response.getHeaders().putSingle("Content-Security-Policy", POLICY);
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
            response.getHeaders().putSingle("Referrer-Policy", "no-referrer");
        }
    }
}
