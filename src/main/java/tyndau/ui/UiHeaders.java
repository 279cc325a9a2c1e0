package tyndau.ui;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.NewCookie;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * A language chosen with {@code ?lang=} (the header's switcher) is remembered for a year in a cookie.
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
            rememberLanguage(request, response);
        }
    }

    private static void rememberLanguage(ContainerRequestContext request, ContainerResponseContext response) {
        String asked = request.getUriInfo().getQueryParameters().getFirst(UiLanguage.PARAM);
        UiLanguage.of(asked).ifPresent(l -> response.getHeaders().add("Set-Cookie", new NewCookie.Builder(UiLanguage.COOKIE)
                .value(l.tag).path("/ui").maxAge(365 * 24 * 3600).sameSite(NewCookie.SameSite.LAX).build()));
    }
}
