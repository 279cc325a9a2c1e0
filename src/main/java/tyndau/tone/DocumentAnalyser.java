package tyndau.tone;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.memory.MemoryIndex;
import tyndau.document.Hashes;
import tyndau.document.Analyser;
import tyndau.document.Analysis;
import tyndau.index.Analyzers;
import tyndau.index.DocumentTerms;
import tyndau.index.IndexSchema;
import tyndau.topics.TopicService;
import tyndau.document.DocumentRow;

/**
 * The one reading of a document: its tone, the topics whose query it matches, and its tone about
 * each matched topic, i.e. the mean tone of its sentences that match the topic's query on their
 * own. A document that matches a topic only across sentences has no topic tone; counting then uses
 * its whole-document tone. The text is analysed once into its index terms ({@link DocumentTerms})
 * and scored once; each topic is a compiled test on those terms, for the whole text and for each
 * sentence by its offsets. A topic whose query cannot be compiled (wildcards, fuzzy terms) runs
 * against a {@link MemoryIndex} of the document, built only then, exactly as the index builds it.
 */
@ApplicationScoped
public class DocumentAnalyser implements Analyser {
    private final ToneScorer scorer;
    private final TopicService topics;

    DocumentAnalyser(ToneScorer scorer, TopicService topics) {
        this.scorer = scorer;
        this.topics = topics;
    }

    @Override
    public Analysis analyse(DocumentRow row, boolean rescore) {
        List<TopicService.Compiled> all = topics.all();
        List<TopicService.Compiled> matched = new ArrayList<>();
        if (!all.isEmpty()) {
            DocumentTerms terms = DocumentTerms.of(row);
            MemoryIndex slow = null;
            for (TopicService.Compiled t : all) {
                boolean hit;
                if (t.matcher().isPresent()) {
                    hit = t.matcher().get().matches(terms);
                } else {
                    slow = slow != null ? slow : MemoryIndex.fromDocument(IndexSchema.toLucene(row), Analyzers.PER_FIELD);
                    hit = slow.search(t.query()) > 0.0f;
                }
                if (hit) {
                    matched.add(t);
                }
            }
            if (!matched.isEmpty()) {
                ToneScorer.Tone tone = scorer.score(row.text(), row.language());
                Double documentTone = !rescore && row.tone() != null ? row.tone() : tone.toned() ? tone.score() : null;
                return new Analysis(documentTone, ids(matched), topicTones(row, terms, tone, matched));
            }
        }
        Double documentTone = !rescore && row.tone() != null ? row.tone() : toneOf(scorer.score(row.text(), row.language()));
        return new Analysis(documentTone, List.of(), Map.of());
    }

    private static Double toneOf(ToneScorer.Tone t) {
        return t.toned() ? t.score() : null;
    }

    private static List<String> ids(List<TopicService.Compiled> matched) {
        return matched.stream().map(t -> t.topic().id()).toList();
    }

    private static Map<String, Double> topicTones(DocumentRow row, DocumentTerms terms, ToneScorer.Tone tone,
                                                  List<TopicService.Compiled> matched) {
        String text = row.text();
        List<List<ToneScorer.SentenceTone>> about = new ArrayList<>();
        matched.forEach(t -> about.add(new ArrayList<>()));
        for (ToneScorer.SentenceTone s : tone.sentences()) {
            MemoryIndex slow = null;
            for (int i = 0; i < matched.size(); i++) {
                TopicService.Compiled t = matched.get(i);
                boolean hit;
                if (t.matcher().isPresent()) {
                    hit = t.matcher().get().matches(terms, s.start(), s.end());
                } else {
                    if (slow == null) {
                        DocumentRow one = new DocumentRow(row.id(), row.seq(), row.source(), row.role(), row.side(),
                                row.language(), row.published(), null, null, text.substring(s.start(), s.end()), "");
                        slow = MemoryIndex.fromDocument(IndexSchema.toLucene(one), Analyzers.PER_FIELD);
                    }
                    hit = slow.search(t.query()) > 0;
                }
                if (hit && s.toned()) {
                    about.get(i).add(s);
                }
            }
        }
        Map<String, Double> out = new LinkedHashMap<>();
        for (int i = 0; i < matched.size(); i++) {
            Double v = LexiconToneScorer.mean(about.get(i));
            if (v != null) {
                out.put(matched.get(i).topic().id(), v);
            }
        }
        return out;
    }

    @Override
    public String version() {
        StringBuilder b = new StringBuilder(scorer.version());
        for (TopicService.Compiled t : topics.all()) {
            b.append('|').append(t.topic().id()).append('=').append(t.topic().query());
        }
        return scorer.version() + "+" + Analyzers.VERSION + "+topics-" + Hashes.sha256(b.toString()).substring(0, 12);
    }
}
