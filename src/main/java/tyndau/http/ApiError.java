package tyndau.http;

/** The one error body: {@code {"error": "...", "detail": "..."}}; never a class name or a stack trace. */
public record ApiError(String error, String detail) {
}
