package tyndau.document;

/** What became of one {@link NewDocument} handed to {@link DocumentWriter}. */
public record WriteOutcome(Kind kind, Long documentId, String reason) {

    public enum Kind { ACCEPTED, DUPLICATE, REJECTED }

    static WriteOutcome accepted(long id) {
        return new WriteOutcome(Kind.ACCEPTED, id, null);
    }

    static WriteOutcome duplicate(Long existingId, String why) {
        return new WriteOutcome(Kind.DUPLICATE, existingId, why);
    }

    static WriteOutcome rejected(String reason) {
        return new WriteOutcome(Kind.REJECTED, null, reason);
    }
}
