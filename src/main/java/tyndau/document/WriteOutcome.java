package tyndau.document;

/**
 * What became of one {@link NewDocument} handed to {@link DocumentWriter}. An accepted document that
 * is a copy of another story carries {@code duplicateOf} (it is stored all the same). {@code REJECTED}:
 * the database refused the document itself (a constraint, a value it cannot hold); {@code FAILED}: not
 * stored for the database's own reason (a lost connection, a timeout), so the caller should send it
 * again later, where a re-send already stored counts as a duplicate.
 */
public record WriteOutcome(Kind kind, Long documentId, String reason, Long duplicateOf) {

    public enum Kind { ACCEPTED, DUPLICATE, REJECTED, FAILED }

    static WriteOutcome accepted(long id, Long duplicateOf) {
        return new WriteOutcome(Kind.ACCEPTED, id, null, duplicateOf);
    }

    static WriteOutcome duplicate(Long existingId, String why) {
        return new WriteOutcome(Kind.DUPLICATE, existingId, why, null);
    }

    static WriteOutcome rejected(String reason) {
        return new WriteOutcome(Kind.REJECTED, null, reason, null);
    }

    static WriteOutcome failed(String reason) {
        return new WriteOutcome(Kind.FAILED, null, reason, null);
    }

    /** True when stored as a copy of another document (a near-duplicate, counted once). */
    public boolean nearDuplicate() {
        return kind == Kind.ACCEPTED && duplicateOf != null;
    }
}
