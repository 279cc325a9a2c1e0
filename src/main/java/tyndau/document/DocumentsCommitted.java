package tyndau.document;

import java.util.List;

/**
 * CDI event fired after a transaction that stored documents has committed, up to {@code maxSeq}:
 * the rows it stored, in sequence order, already analysed, so the index need not read them back.
 */
public record DocumentsCommitted(long maxSeq, List<DocumentRow> rows) {
}
