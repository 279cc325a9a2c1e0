package tyndau.fetch;

import java.io.IOException;

/**
 * A fetch that was refused or failed; the message is safe to store on a source and show to users.
 * A failure may pass (a timeout, a network error: try again later) unless it was made {@link #refused}
 * (the address, scheme, redirects or size break a rule, and will again).
 */
public class FetchException extends IOException {
    private final boolean permanent;

    public FetchException(String message) {
        this(message, false);
    }

    private FetchException(String message, boolean permanent) {
        super(message);
        this.permanent = permanent;
    }

    /** A refusal by rule: trying the same URL again would be refused again. */
    public static FetchException refused(String message) {
        return new FetchException(message, true);
    }

    /** True when trying again later may succeed. */
    public boolean mayPass() {
        return !permanent;
    }
}
