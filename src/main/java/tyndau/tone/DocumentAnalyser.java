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
import tyndau.document.ToneReading;
import tyndau.document.Analyser.TopicSentence;
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
        DocumentTerms terms = topics.all().isEmpty() ? null : DocumentTerms.of(row);
        List<TopicService.Compiled> matched = terms == null ? List.of() : matched(row, terms);
        // A stored tone is kept unless re-scoring, and only with its reading (rows stored before readings get both anew).
        boolean keep = !rescore && row.tone() != null && row.reading() != null;
        ToneScorer.Tone tone = keep && matched.isEmpty() ? null : scorer.score(row.text(), row.language());
        Double documentTone = keep ? row.tone() : toneOf(tone);
        ToneReading reading = keep ? row.reading() : ArticleTone.read(tone, row.language());
        if (matched.isEmpty()) {
            return new Analysis(documentTone, reading, List.of(), Map.of());
        }
        Map<String, Double> topicTones = new LinkedHashMap<>();
        about(row, terms, tone, matched).forEach((id, sentences) -> {
            Double v = LexiconToneScorer.mean(sentences);
            if (v != null) {
                topicTones.put(id, v);
            }
        });
        return new Analysis(documentTone, reading, ids(matched), topicTones);
    }

    @Override
    public Map<String, List<TopicSentence>> topicSentences(DocumentRow row) {
        if (topics.all().isEmpty()) {
            return Map.of();
        }
        DocumentTerms terms = DocumentTerms.of(row);
        List<TopicService.Compiled> matched = matched(row, terms);
        if (matched.isEmpty()) {
            return Map.of();
        }
        String text = row.text();
        Map<String, List<TopicSentence>> out = new LinkedHashMap<>();
        about(row, terms, scorer.score(text, row.language()), matched).forEach((id, sentences) -> out.put(id,
                sentences.stream().map(t -> new TopicSentence(t.start(), t.end(), text.substring(t.start(), t.end()).strip(), t.score()))
                        .toList()));
        return out;
    }

    /** The topics whose query the document matches. */
    private List<TopicService.Compiled> matched(DocumentRow row, DocumentTerms terms) {
        List<TopicService.Compiled> matched = new ArrayList<>();
        MemoryIndex slow = null;
        for (TopicService.Compiled t : topics.all()) {
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
        return matched;
    }

    private static Double toneOf(ToneScorer.Tone t) {
        return t.toned() ? t.score() : null;
    }

    private static List<String> ids(List<TopicService.Compiled> matched) {
        return matched.stream().map(t -> t.topic().id()).toList();
    }

    /** For each matched topic, the toned sentences that match its query on their own, in text order. */
    private static Map<String, List<ToneScorer.SentenceTone>> about(DocumentRow row, DocumentTerms terms, ToneScorer.Tone tone,
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
        Map<String, List<ToneScorer.SentenceTone>> out = new LinkedHashMap<>();
        for (int i = 0; i < matched.size(); i++) {
            out.put(matched.get(i).topic().id(), about.get(i));
        }
        return out;
    }

    @Override
    public String version() {
        StringBuilder b = new StringBuilder(scorer.version());
        for (TopicService.Compiled t : topics.all()) {
            b.append('|').append(t.topic().id()).append('=').append(t.topic().query());
        }
        return scoringVersion() + "+topics-" + Hashes.sha256(b.toString()).substring(0, 12);
    }

    @Override
    public String scoringVersion() {
        return scorer.version() + "+" + ArticleTone.VERSION + "+" + Analyzers.VERSION;
    }

    @Override
    public Map<String, String> topicQueries() {
        Map<String, String> out = new LinkedHashMap<>();
        topics.all().forEach(t -> out.put(t.topic().id(), t.topic().query()));
        return out;
    }
}
