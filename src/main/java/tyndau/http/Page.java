package tyndau.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * Every paged listing answers this shape (docs/api.md, "Conventions and endpoints"); {@code page} starts at 1. A listing
 * read by cursor also answers {@code next}: the cursor of the page after this one, absent on the last.
 */
public record Page<T>(long total, int page, int size, List<T> items,
                      @JsonInclude(JsonInclude.Include.NON_NULL) Long next) {
    /**
     * The deepest item a page may reach: {@code page × size} beyond it is a 400 (an offset that deep
     * costs a scan of every row before it, and {@code page} near the int range overflowed into a 500).
     */
    public static final int MAX_DEPTH = 10_000;

    public Page(long total, int page, int size, List<T> items) {
        this(total, page, size, items, null);
    }

    /** The one check of paging parameters: a 400 saying what is wrong. */
    public static void check(int page, int size, int maxSize) {
        if (page < 1) {
            throw ApiException.badRequest("'page' starts at 1");
        }
        if (size < 1 || size > maxSize) {
            throw ApiException.badRequest("'size' must be between 1 and " + maxSize);
        }
        if ((long) page * size > MAX_DEPTH) {
            throw ApiException.badRequest("pages reach at most the " + MAX_DEPTH + "th item ('page' × 'size'); narrow the"
                    + " filters, read by cursor where the listing offers one, or use the exports");
        }
    }

    /** The first row of a page, as a long (no overflow at any accepted page). */
    public static int offset(int page, int size) {
        return (page - 1) * size;
    }
}
