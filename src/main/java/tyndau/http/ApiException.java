package tyndau.http;

/** A failure whose status and message are safe to show to the caller as they are. */
public class ApiException extends RuntimeException {
    private final int status;
    private final String error;
    private Long retryAfterSeconds;

    public ApiException(int status, String error, String detail) {
        super(detail);
        this.status = status;
        this.error = error;
    }

    /** 429 with a Retry-After: a limit on concurrent or repeated expensive reads was reached. */
    public static ApiException tooMany(String detail, long retryAfterSeconds) {
        ApiException e = new ApiException(429, "too many requests", detail);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** 503 with a Retry-After: the service is busy or a dependency is away; the same request may succeed later. */
    public static ApiException unavailable(String detail, long retryAfterSeconds) {
        ApiException e = new ApiException(503, "service unavailable", detail);
        e.retryAfterSeconds = retryAfterSeconds;
        return e;
    }

    /** Seconds the client should wait before trying again, when the refusal is temporary. */
    public Long retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "bad request", detail);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "not found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "conflict", detail);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
