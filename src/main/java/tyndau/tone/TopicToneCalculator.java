package tyndau.tone;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.memory.MemoryIndex;
import tyndau.document.Hashes;
import tyndau.index.Analyzers;
import tyndau.index.IndexSchema;
import tyndau.index.TopicTones;
import tyndau.topics.TopicMatcher;
import tyndau.topics.TopicService;

/**
 * Topic tone: what a document says about a topic, i.e. the mean tone of its sentences that match
 * the topic's query on their own (each sentence in a MemoryIndex, analysed as the index analyses).
 * A document that matches a topic only across sentences has no topic tone; counting then uses its
 * whole-document tone.
 */
@ApplicationScoped
public class TopicToneCalculator implements TopicTones {
    private final ToneScorer scorer;
    private final TopicMatcher matcher;
    private final TopicService topics;

    TopicToneCalculator(ToneScorer scorer, TopicMatcher matcher, TopicService topics) {
        this.scorer = scorer;
        this.matcher = matcher;
        this.topics = topics;
    }

    @Override
    public Map<String, Double> of(IndexSchema.Row row) {
        List<String> matched = matcher.topicsOf(row);
        if (matched.isEmpty()) {
            return Map.of();
        }
        String text = row.text();
        ToneScorer.Tone tone = scorer.score(text, row.language());
        List<MemoryIndex> sentenceIndexes = new ArrayList<>();
        for (ToneScorer.SentenceTone s : tone.sentences()) {
            IndexSchema.Row one = new IndexSchema.Row(row.id(), row.seq(), row.source(), row.role(), row.side(), row.language(),
                    row.published(), null, null, text.substring(s.start(), s.end()), "");
            sentenceIndexes.add(MemoryIndex.fromDocument(IndexSchema.toLucene(one), Analyzers.PER_FIELD));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (String id : matched) {
            TopicService.Compiled t = topics.byId(id).orElse(null);
            if (t == null) {
                continue;
            }
            List<ToneScorer.SentenceTone> about = new ArrayList<>();
            for (int i = 0; i < sentenceIndexes.size(); i++) {
                if (sentenceIndexes.get(i).search(t.query()) > 0) {
                    about.add(tone.sentences().get(i));
                }
            }
            Double v = LexiconToneScorer.mean(about);
            if (v != null) {
                out.put(id, v);
            }
        }
        return out;
    }

    @Override
    public double documentTone(IndexSchema.Row row) {
        return scorer.score(row.text(), row.language()).score();
    }

    @Override
    public String version() {
        StringBuilder b = new StringBuilder(scorer.version());
        for (TopicService.Compiled t : topics.all()) {
            b.append('|').append(t.topic().id()).append('=').append(t.topic().query());
        }
        return scorer.version() + "+topics-" + Hashes.sha256(b.toString()).substring(0, 12);
    }
}
