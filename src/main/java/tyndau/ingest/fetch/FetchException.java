package tyndau.ingest.fetch;

import java.io.IOException;

/** A fetch that was refused or failed; the message is safe to store on a source and show to users. */
public class FetchException extends IOException {
    public FetchException(String message) {
        super(message);
    }

    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
