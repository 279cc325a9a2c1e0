package tyndau.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every failure into {@link ApiError}; unexpected ones are logged under an id the caller can quote. */
class ErrorMapper {
    private static final Logger LOG = Logger.getLogger(ErrorMapper.class);

    @ServerExceptionMapper
    Response api(ApiException e) {
        Response r = body(e.status(), e.error(), e.getMessage());
        return e.retryAfterSeconds() == null ? r : Response.fromResponse(r).header("Retry-After", e.retryAfterSeconds()).build();
    }

    @ServerExceptionMapper
    Response validation(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + ": " + v.getMessage())
                .sorted()
                .collect(Collectors.joining("; "));
        return body(400, "bad request", detail);
    }

    @ServerExceptionMapper
    Response json(JsonProcessingException e) {
        if (e.getCause() instanceof ApiException refused) {
            return api(refused); // a value the JSON was read into refused it (e.g. a topic label that is a number)
        }
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr()
                + ", column " + e.getLocation().getColumnNr();
        return body(400, "bad request", "the body is not valid JSON" + where);
    }

    @ServerExceptionMapper
    Response web(WebApplicationException e) {
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof ApiException refused) {
                return api(refused); // a body value refused while the JSON was read into it
            }
        }
        int status = e.getResponse().getStatus();
        String reason = e.getResponse().getStatusInfo().getReasonPhrase();
        String detail = switch (status) {
            case 404 -> "no such resource";
            case 405 -> "method not allowed here";
            case 406 -> "cannot produce the requested media type";
            case 415 -> "unsupported content type";
            default -> reason;
        };
        return body(status, reason == null ? "error" : reason.toLowerCase(), detail);
    }

    /**
     * An I/O failure that reaches here is the exchange's own (a client gone while its body was read or
     * the answer streamed); failures of the index or the database arrive wrapped and are unexpected.
     */
    @ServerExceptionMapper
    Response connection(java.io.IOException e) {
        LOG.debugf("connection failed: %s", e.getMessage());
        return body(400, "bad request", "the connection failed while the request or its answer was transferred");
    }

    @ServerExceptionMapper
    Response unexpected(Throwable e) {
        String id = UUID.randomUUID().toString();
        LOG.errorf(e, "unexpected error %s", id);
        return body(500, "internal error", "unexpected error; the server log has it under id " + id);
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    static Response body(int status, String error, String detail) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(new ApiError(error, detail)).build();
    }
}
