package tyndau.http;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Bodies sent to the API are limited per route: JSON bodies (topics, sources, rules…) to
 * {@code tyndau.http.max-json-body}; the import streams and caps its lines itself, and
 * {@code /api/analyze} has its own 5 MB. A declared length over the limit is refused before anything
 * is read; a body without one (chunked) is refused as soon as it passes the limit. Both are a 413.
 * ({@code quarkus.http.limits.max-body-size} stays large for the streamed import.)
 */
class BodyLimit {
    private static final String LIMIT = BodyLimit.class.getName();
    /** Routes that read their body themselves, streamed and capped. */
    private static final List<String> OWN_LIMITS = List.of("/api/import", "/api/analyze");

    private final long maxJsonBody;

    BodyLimit(HttpLimitsConfig config) {
        this.maxJsonBody = config.maxJsonBody();
    }

    @ServerRequestFilter(preMatching = true)
    void declared(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.startsWith("/api/") || OWN_LIMITS.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            return;
        }
        request.setProperty(LIMIT, maxJsonBody);
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.strip()) > maxJsonBody) {
                    throw tooLarge(maxJsonBody);
                }
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("Content-Length is not a number");
            }
        }
    }

    /** Caps the body as it is read, at the limit the filter set on the request. */
    @Provider
    static final class Reading implements ReaderInterceptor {
        @Override
        public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
            Object limit = context.getProperty(LIMIT);
            if (!(limit instanceof Long max)) {
                return context.proceed();
            }
            Capped capped = new Capped(context.getInputStream(), max);
            context.setInputStream(capped);
            try {
                return context.proceed();
            } catch (IOException | RuntimeException e) {
                // Jackson may wrap the overflow (inside a string value) in a mapping error: it is still a 413.
                if (capped.read > max) {
                    throw tooLarge(max);
                }
                throw e;
            }
        }
    }

    static ApiException tooLarge(long max) {
        return new ApiException(413, "payload too large",
                "the body is larger than " + max + " bytes, the limit for this endpoint (tyndau.http.max-json-body)");
    }

    /** Reads through, and fails once more than {@code max} bytes came. */
    private static final class Capped extends FilterInputStream {
        private final long max;
        private long read;

        Capped(InputStream in, long max) {
            super(in);
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw tooLarge(max);
            }
        }
    }
}
