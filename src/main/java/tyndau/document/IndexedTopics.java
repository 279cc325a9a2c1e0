package tyndau.document;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/** The topics each document matched when it was indexed (implemented by the index, downstream), for read paths. */
public interface IndexedTopics {

    /** Document id → topic ids; ids the index does not hold are absent. */
    Map<Long, List<String>> topicsOf(Collection<Long> ids);
}
