package tyndau.topics;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.memory.MemoryIndex;
import tyndau.index.Analyzers;
import tyndau.index.IndexSchema;

/**
 * Which topics one document matches, percolator style: the document alone in a {@link MemoryIndex}
 * built exactly as the real index builds it, every topic query run against it. Used for new
 * documents (alerts) and to show a document's topics; never stored, so editing a topic needs no
 * re-classification.
 */
@ApplicationScoped
public class TopicMatcher {
    private final TopicService topics;

    TopicMatcher(TopicService topics) {
        this.topics = topics;
    }

    public List<String> topicsOf(IndexSchema.Row row) {
        MemoryIndex mi = MemoryIndex.fromDocument(IndexSchema.toLucene(row), Analyzers.PER_FIELD);
        List<String> out = new ArrayList<>();
        for (TopicService.Compiled t : topics.all()) {
            if (mi.search(t.query()) > 0.0f) {
                out.add(t.topic().id());
            }
        }
        return out;
    }
}
