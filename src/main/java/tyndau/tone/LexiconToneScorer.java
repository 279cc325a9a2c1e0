package tyndau.tone;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Typed;
import tyndau.document.ToneExplainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lexicon tone with the morphology each language needs: words and lexicon entries are stemmed
 * alike (Snowball English and Russian, the Kazakh suffix stripper), so inflected forms hit. A
 * negator within the three words before a term flips and damps it (Kazakh also after it: "емес",
 * "жоқ", and negative verb endings such as -мады, -майды in the word itself); intensifiers and
 * diminishers scale it. A sentence's score is its sum s squashed to s / sqrt(s² + 1); the text's
 * score is the mean over its sentences that carry any tone (0 when none does).
 */
@ApplicationScoped
@Typed({LexiconToneScorer.class, ToneExplainer.class}) // the service's ToneScorer is the model (ToneScorers); this one explains and falls back
public class LexiconToneScorer implements ToneScorer, ToneExplainer {
    static final int WINDOW = 3;
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}'’-]*");

    /** Words looked up per language before a language's memo is emptied (bounded memory, Zipf keeps it useful). */
    static final int MEMO_WORDS = 200_000;
    private static final Double NO_WEIGHT = Double.NaN;

    private final Lexicon lexicon = new Lexicon();
    /** Language → word → its lexicon weight after stemming (NaN: none): stemming every word of every text dominated scoring. */
    private final Map<String, Map<String, Double>> memo = new java.util.concurrent.ConcurrentHashMap<>();

    @Override
    public String version() {
        return "lexicon-" + lexicon.digest + "-" + Sentences.VERSION;
    }

    @Override
    public Tone score(String text, String language) {
        if (text == null || text.isBlank()) {
            return new Tone(0, List.of());
        }
        String lang = lexicon.weights.containsKey(language) ? language : guessFallback(language);
        UnaryOperator<String> stem = Stems.of(lang);
        List<SentenceTone> sentences = new ArrayList<>();
        int start = 0;
        Matcher end = Sentences.matcher(text);
        while (start < text.length()) {
            int stop = Sentences.end(end, text, start);
            String s = text.substring(start, stop);
            if (!s.isBlank()) {
                sentences.add(new SentenceTone(start, stop, sentence(s, lang, stem, null)));
            }
            start = stop;
        }
        double sum = 0;
        int n = 0;
        for (SentenceTone t : sentences) {
            if (t.score() != 0) {
                sum += t.score();
                n++;
            }
        }
        return new Tone(n == 0 ? 0 : round(sum / n), sentences);
    }

    /** The tone of the given sentences only (e.g. those that mention a topic); null when none is given. */
    public static Double mean(List<SentenceTone> sentences) {
        if (sentences.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (SentenceTone t : sentences) {
            sum += t.score();
        }
        return round(sum / sentences.size());
    }

    private static String guessFallback(String language) {
        return language == null ? "en" : switch (language) {
            case "uk", "be" -> "ru";
            default -> "en";
        };
    }

    @Override
    public List<ToneWord> explain(String text, String language, int limit) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String lang = lexicon.weights.containsKey(language) ? language : guessFallback(language);
        Map<String, Double> pushes = new java.util.LinkedHashMap<>();
        sentence(text, lang, Stems.of(lang), pushes);
        return pushes.entrySet().stream()
                .filter(e -> e.getValue() != 0)
                .sorted((a, b) -> Double.compare(Math.abs(b.getValue()), Math.abs(a.getValue())))
                .limit(limit)
                .map(e -> new ToneWord(e.getKey(), round(e.getValue())))
                .toList();
    }

    /** The score of one sentence; each word's contribution is added to {@code pushes} when it is given. */
    double sentence(String sentence, String lang, UnaryOperator<String> stem, Map<String, Double> pushes) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(sentence.toLowerCase(Locale.ROOT));
        while (m.find()) {
            words.add(m.group());
        }
        Map<String, Double> weights = lexicon.weights.get(lang);
        Map<String, Double> known = memo.computeIfAbsent(lang, l -> new java.util.concurrent.ConcurrentHashMap<>());
        if (known.size() > MEMO_WORDS) {
            known.clear();
        }
        Map<String, Double> negators = lexicon.negators.getOrDefault(lang, Map.of());
        Map<String, Double> intensifiers = lexicon.intensifiers.getOrDefault(lang, Map.of());
        Map<String, Double> diminishers = lexicon.diminishers.getOrDefault(lang, Map.of());
        double total = 0;
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (negators.containsKey(w) || intensifiers.containsKey(w) || diminishers.containsKey(w)) {
                continue;
            }
            double factor = 1;
            Double weight = lookup(known, weights, w, stem);
            if (weight == null && lang.equals("kk")) {
                weight = negatedVerb(known, weights, w, stem);
            }
            if (weight == null) {
                continue;
            }
            boolean negated = false;
            for (int j = Math.max(0, i - WINDOW); j < i; j++) {
                String before = words.get(j);
                if (!negated && negators.containsKey(before)) {
                    factor *= negators.get(before);
                    negated = true;
                } else if (intensifiers.containsKey(before)) {
                    factor *= intensifiers.get(before);
                } else if (diminishers.containsKey(before)) {
                    factor *= diminishers.get(before);
                }
            }
            if (lang.equals("kk") && !negated) {
                // Kazakh puts "емес" / "жоқ" after what they negate.
                for (int j = i + 1; j < Math.min(words.size(), i + 3); j++) {
                    if (negators.containsKey(words.get(j))) {
                        factor *= negators.get(words.get(j));
                        break;
                    }
                }
            }
            total += weight * factor;
            if (pushes != null) {
                pushes.merge(w, weight * factor, Double::sum);
            }
        }
        return round(total / Math.sqrt(total * total + 1.0));
    }

    /**
     * Kazakh negates verbs inside the word (қолдамады = қолда + ма + ды): the verb's weight times the
     * suffix's factor, or null; remembered per word like plain look-ups.
     */
    private Double negatedVerb(Map<String, Double> known, Map<String, Double> weights, String w, UnaryOperator<String> stem) {
        String key = "\u0000" + w;
        Double v = known.get(key);
        if (v == null) {
            v = NO_WEIGHT;
            for (Map.Entry<String, Double> neg : lexicon.negativeSuffixes.entrySet()) {
                if (w.endsWith(neg.getKey()) && w.length() - neg.getKey().length() >= 3) {
                    String verb = w.substring(0, w.length() - neg.getKey().length());
                    // Kazakh dictionaries list verbs by their -у noun: қолда → қолдау, кел → келу.
                    Double weight = lookup(known, weights, verb, stem);
                    if (weight == null) {
                        weight = lookup(known, weights, verb + "у", stem);
                    }
                    if (weight != null) {
                        v = weight * neg.getValue();
                        break;
                    }
                }
            }
            known.put(key, v);
        }
        return v.isNaN() ? null : v;
    }

    private static Double lookup(Map<String, Double> known, Map<String, Double> weights, String word, UnaryOperator<String> stem) {
        Double v = known.get(word);
        if (v == null) {
            v = weights.get(word);
            if (v == null) {
                v = weights.get(stem.apply(word));
            }
            v = v == null ? NO_WEIGHT : v;
            known.put(word, v);
        }
        return v.isNaN() ? null : v;
    }

    static double round(double v) {
        return Math.round(v * 1e4) / 1e4;
    }
}
