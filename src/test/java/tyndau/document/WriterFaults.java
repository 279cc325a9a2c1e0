package tyndau.document;

/** Makes the real writer fail to store a URL as a database that went away would, for tests of what its callers do then. */
public final class WriterFaults {
    private WriterFaults() {
    }

    /** Every store transaction holding {@code url} fails (a lost connection) until called again with null. */
    public static void failStoring(DocumentWriter writer, String url) {
        writer.failStoring(url);
    }
}
