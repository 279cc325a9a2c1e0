package tyndau.document;

import java.util.List;
import java.util.Set;

/**
 * Copies of a story are looked up by their keys ({@link DocumentRow.Keys}) in the index (implemented there,
 * downstream), so the document table needs no B-tree per LSH band: what the index answers covers every row up to
 * {@link Found#coveredSeq()}, and the rows after it are read from the table by sequence number.
 */
public interface IndexedPrints {

    /** Ids of indexed documents sharing a band key ({@code bands.get(i)}: the keys of band i) or a content hash. */
    Found find(List<Set<Integer>> bands, Set<String> contentHashes);

    /** The documents found, and the last sequence number the search covered (0: nothing; read every row). */
    record Found(Set<Long> ids, long coveredSeq) {
    }
}
