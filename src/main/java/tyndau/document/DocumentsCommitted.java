package tyndau.document;

/** CDI event fired after a transaction that stored documents has committed, up to {@code maxSeq}. */
public record DocumentsCommitted(long maxSeq) {
}
