package tyndau.web;

import java.util.List;

/** Every paged listing answers this shape (docs/api.md, "Public contract"); {@code page} starts at 1. */
public record Page<T>(long total, int page, int size, List<T> items) {

    /** The one check of paging parameters: a 400 saying what is wrong. */
    public static void check(int page, int size, int maxSize) {
        if (page < 1) {
            throw ApiException.badRequest("'page' starts at 1");
        }
        if (size < 1 || size > maxSize) {
            throw ApiException.badRequest("'size' must be between 1 and " + maxSize);
        }
    }
}
