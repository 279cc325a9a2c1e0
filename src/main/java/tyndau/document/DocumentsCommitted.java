package tyndau.document;

import java.util.List;
import tyndau.index.IndexSchema;

/**
 * CDI event fired after a transaction that stored documents has committed, up to {@code maxSeq}:
 * the rows it stored, in sequence order, already analysed, so the index need not read them back.
 */
public record DocumentsCommitted(long maxSeq, List<IndexSchema.Row> rows) {
}
