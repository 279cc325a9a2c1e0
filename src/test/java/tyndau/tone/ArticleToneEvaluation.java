package tyndau.tone;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tyndau.document.ToneReading;

/**
 * On-demand evaluation of a whole article's tone (issue 27), not part of the default run:
 * {@code ./mvnw test -Dtest=ArticleToneEvaluation -Dtone.articles=DIR -Dsurefire.failIfNoSpecifiedTests=false}.
 * DIR holds {@code items.jsonl} ({"id","text"}: "dev-…" excerpts of RuSentNE's validation sentences grouped
 * by article, "test-…" whole NEREL articles none of whose sentences the model was trained on) and two
 * independent passes of labels, {@code labels-A.tsv} and {@code labels-B.tsv} (id, positive|neutral|negative);
 * src/test/resources/tone/articles/README.md says how they were made. Gold is the label both passes gave.
 * The dev part trains {@link ArticleTone}'s regression (settings chosen on five folds of it); the test
 * part only measures, beside the majority class, the lexicon scorer alone, and the reading before this
 * issue (mean of sentence tones, sign beyond ±0.05). The weights it prints are what ArticleTone ships.
 */
class ArticleToneEvaluation {
    static final List<String> LABELS = List.of(ToneReading.NEGATIVE, ToneReading.NEUTRAL, ToneReading.POSITIVE);

    record Item(String id, String text, String gold) {
    }

    record Scores(double accuracy, double macroF1, double f1PosNeg, Map<String, Double> f1) {
        @Override
        public String toString() {
            return String.format("accuracy %.3f, macro-F1 %.3f, F1(pos,neg) %.3f (neg %.3f, neu %.3f, pos %.3f)", accuracy, macroF1,
                    f1PosNeg, f1.get(ToneReading.NEGATIVE), f1.get(ToneReading.NEUTRAL), f1.get(ToneReading.POSITIVE));
        }
    }

    static Scores score(List<String> gold, List<String> predicted) {
        int right = 0;
        Map<String, Double> f1 = new LinkedHashMap<>();
        for (int i = 0; i < gold.size(); i++) {
            right += gold.get(i).equals(predicted.get(i)) ? 1 : 0;
        }
        for (String l : LABELS) {
            int tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < gold.size(); i++) {
                boolean g = gold.get(i).equals(l), p = predicted.get(i).equals(l);
                tp += g && p ? 1 : 0;
                fp += !g && p ? 1 : 0;
                fn += g && !p ? 1 : 0;
            }
            f1.put(l, tp == 0 ? 0 : 2.0 * tp / (2.0 * tp + fp + fn));
        }
        double macro = f1.values().stream().mapToDouble(d -> d).average().orElse(0);
        return new Scores((double) right / gold.size(), macro, (f1.get(ToneReading.NEGATIVE) + f1.get(ToneReading.POSITIVE)) / 2, f1);
    }

    static List<Item> items(Path dir) throws Exception {
        Map<String, String> a = labels(dir.resolve("labels-A.tsv"));
        Map<String, String> b = labels(dir.resolve("labels-B.tsv"));
        List<Item> out = new ArrayList<>();
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(dir.resolve("items.jsonl"), StandardCharsets.UTF_8)) {
            JsonNode n = json.readTree(line);
            String id = n.get("id").asText();
            if (a.containsKey(id) && a.get(id).equals(b.get(id))) {
                out.add(new Item(id, n.get("text").asText(), a.get(id)));
            }
        }
        return out;
    }

    static Map<String, String> labels(Path file) throws Exception {
        Map<String, String> out = new HashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length == 2) {
                out.put(f[0].trim(), f[1].trim());
            }
        }
        return out;
    }

    /** A multinomial logistic regression: weights [feature][class] and biases. */
    record Model(double[][] w, double[] b) {
        String label(double[] x) {
            double[] p = ArticleTone.probabilities(x, w, b);
            int best = 0;
            for (int k = 1; k < 3; k++) {
                best = p[k] > p[best] ? k : best;
            }
            return LABELS.get(best);
        }

        @Override
        public String toString() {
            StringBuilder out = new StringBuilder("    static final double[][] WEIGHTS = {\n");
            for (double[] row : w) {
                out.append(String.format(java.util.Locale.ROOT, "        {%.6f, %.6f, %.6f},%n", row[0], row[1], row[2]));
            }
            out.append(String.format(java.util.Locale.ROOT, "    };%n    static final double[] BIAS = {%.6f, %.6f, %.6f};", b[0], b[1], b[2]));
            return out.toString();
        }
    }

    /** Full-batch gradient descent on the mean log-loss with an L2 penalty; {@code balanced} weighs each class alike. */
    static Model train(double[][] x, int[] y, double l2, boolean balanced) {
        int n = x.length, f = ArticleTone.FEATURES;
        double[] classWeight = {1, 1, 1};
        if (balanced) {
            int[] count = new int[3];
            for (int c : y) {
                count[c]++;
            }
            for (int k = 0; k < 3; k++) {
                classWeight[k] = count[k] == 0 ? 0 : (double) n / (3.0 * count[k]);
            }
        }
        double total = 0;
        for (int c : y) {
            total += classWeight[c];
        }
        double[][] w = new double[f][3];
        double[] b = new double[3];
        for (int epoch = 0; epoch < 3000; epoch++) {
            double[][] gw = new double[f][3];
            double[] gb = new double[3];
            for (int i = 0; i < n; i++) {
                double[] p = ArticleTone.probabilities(x[i], w, b);
                for (int k = 0; k < 3; k++) {
                    double g = (p[k] - (y[i] == k ? 1 : 0)) * classWeight[y[i]] / total;
                    gb[k] += g;
                    for (int j = 0; j < f; j++) {
                        gw[j][k] += g * x[i][j];
                    }
                }
            }
            for (int k = 0; k < 3; k++) {
                b[k] -= 0.1 * gb[k];
                for (int j = 0; j < f; j++) {
                    w[j][k] -= 0.1 * (gw[j][k] + l2 * w[j][k] / n);
                }
            }
        }
        return new Model(w, b);
    }

    @Test
    void measure() throws Exception {
        Path dir = tyndau.ReferenceData.onDemand("tone.articles", "DIR, the labelled articles (src/test/resources/tone/articles/README.md)");
        List<Item> all = items(dir);
        List<Item> dev = all.stream().filter(i -> i.id().startsWith("dev-")).toList();
        List<Item> test = all.stream().filter(i -> i.id().startsWith("test-")).toList();
        // -Dtone.language=en for articles in another language (e.g. PerSenT's English test set: test only).
        String language = System.getProperty("tone.language", "ru");
        LexiconToneScorer lexicon = new LexiconToneScorer();
        ModelToneScorer model = ModelToneScorer.shipped(lexicon);
        Map<String, ToneScorer.Tone> read = new HashMap<>();
        Map<String, ToneScorer.Tone> readLexicon = new HashMap<>();
        for (Item i : all) {
            read.put(i.id(), model.score(i.text(), language));
            readLexicon.put(i.id(), lexicon.score(i.text(), language));
        }
        System.out.printf("articles agreed by both passes: dev %d, test %d%n", dev.size(), test.size());
        String dump = System.getProperty("tone.dump");
        if (dump != null) {
            ObjectMapper json = new ObjectMapper();
            List<String> lines = new ArrayList<>();
            for (Item i : all) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", i.id());
                m.put("gold", i.gold());
                m.put("model", read.get(i.id()).sentences().stream().map(t -> t.toned() ? t.score() : null).toList());
                m.put("lexicon", readLexicon.get(i.id()).sentences().stream().map(t -> t.score()).toList());
                m.put("modelRaw", read.get(i.id()).sentences().stream().map(t -> {
                    String sentence = i.text().substring(t.start(), t.end());
                    return model.withBand(sentence, language, 0).score();
                }).toList());
                lines.add(json.writeValueAsString(m));
            }
            Files.write(Path.of(dump), lines, StandardCharsets.UTF_8);
        }
        if (dev.isEmpty()) {
            report("test", test, read, readLexicon, language, null);
            return;
        }
        double[][] xDev = dev.stream().map(i -> ArticleTone.features(read.get(i.id()).sentences())).toArray(double[][]::new);
        int[] yDev = dev.stream().mapToInt(i -> LABELS.indexOf(i.gold())).toArray();
        // Settings chosen by five folds of dev; then trained on all of dev; test only measures.
        double bestF1 = -1, bestL2 = 0;
        boolean bestBalanced = false;
        for (boolean balanced : new boolean[] {false, true}) {
            for (double l2 : new double[] {0.1, 1, 10, 30, 100}) {
                String[] predicted = new String[dev.size()];
                for (int fold = 0; fold < 5; fold++) {
                    List<Integer> train = new ArrayList<>();
                    List<Integer> held = new ArrayList<>();
                    for (int i = 0; i < dev.size(); i++) {
                        (Math.floorMod(dev.get(i).id().hashCode(), 5) == fold ? held : train).add(i);
                    }
                    Model m = train(train.stream().map(i -> xDev[i]).toArray(double[][]::new),
                            train.stream().mapToInt(i -> yDev[i]).toArray(), l2, balanced);
                    for (int i : held) {
                        predicted[i] = m.label(xDev[i]);
                    }
                }
                Scores s = score(dev.stream().map(Item::gold).toList(), List.of(predicted));
                System.out.printf("  dev folds: balanced %s, l2 %.1f: %s%n", balanced, l2, s);
                if (s.macroF1() > bestF1 + 1e-9) {
                    bestF1 = s.macroF1();
                    bestL2 = l2;
                    bestBalanced = balanced;
                }
            }
        }
        Model trained = train(xDev, yDev, bestL2, bestBalanced);
        System.out.printf("chosen on dev folds: balanced %s, l2 %.1f (macro-F1 %.3f); weights for ArticleTone:%n%s%n", bestBalanced, bestL2,
                bestF1, trained);
        report("dev (trained on)", dev, read, readLexicon, language, trained);
        report("test", test, read, readLexicon, language, trained);
    }

    private static void report(String name, List<Item> items, Map<String, ToneScorer.Tone> read, Map<String, ToneScorer.Tone> readLexicon,
                               String language, Model trained) {
        List<String> gold = items.stream().map(Item::gold).toList();
        Map<String, Long> counts = new LinkedHashMap<>();
        LABELS.forEach(l -> counts.put(l, gold.stream().filter(l::equals).count()));
        String majority = counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        System.out.printf("%n%s (%d articles, %s, %s)%n", name, gold.size(), language, counts);
        System.out.printf("  majority class (%s): %s%n", majority, score(gold, gold.stream().map(g -> majority).toList()));
        System.out.printf("  before (mean of sentence tones, sign beyond ±0.05): %s%n", score(gold, items.stream()
                .map(i -> ToneReading.of(read.get(i.id()).score(), 0.05).label()).toList()));
        System.out.printf("  lexicon alone (its mean, ±%.2f): %s%n", ToneReading.BAND, score(gold, items.stream()
                .map(i -> ToneReading.of(readLexicon.get(i.id()).score(), ToneReading.BAND).label()).toList()));
        System.out.printf("  shipped (ArticleTone): %s%n", score(gold, items.stream()
                .map(i -> {
                    ToneReading r = ArticleTone.read(read.get(i.id()), language);
                    return r == null ? ToneReading.NEUTRAL : r.label();
                }).toList()));
        if (trained != null) {
            System.out.printf("  trained now: %s%n", score(gold, items.stream()
                    .map(i -> trained.label(ArticleTone.features(read.get(i.id()).sentences()))).toList()));
        }
    }

    /**
     * Topic tone on the sentences that name a topic, against RuSentNE's entity labels:
     * {@code -Dtone.rusentne=validation_data_labeled.csv}. A sentence counts for a default topic when the
     * topic's query matches it alone (as a document's topic tone is made) and its labelled entity is a
     * country that the same topic's query matches (the label is the tone towards that entity: a sentence
     * about Russia labelled for the USA says nothing of Russia); its tone is the model's reading of the
     * sentence (the sign beyond the Russian neutral band).
     */
    @Test
    void topicTone() throws Exception {
        Path file = tyndau.ReferenceData.onDemand("tone.rusentne", "FILE, RuSentNE's validation_data_labeled.csv");
        Map<String, org.apache.lucene.search.Query> topics = new LinkedHashMap<>();
        JsonNode root = new com.fasterxml.jackson.databind.ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(Path.of("feeds", "topics.yml").toFile());
        for (JsonNode t : root.get("topics")) {
            topics.put(t.get("id").asText(), tyndau.index.QueryLanguage.parse(t.get("query").asText(), false));
        }
        ModelToneScorer model = ModelToneScorer.shipped(new LexiconToneScorer());
        List<String> gold = new ArrayList<>();
        List<String> predicted = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int sentences = 0;
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length < 6 || !"COUNTRY".equals(f[2])) {
                continue;
            }
            tyndau.document.DocumentRow row = new tyndau.document.DocumentRow(0, 0, "s", "independent_media", "public", "ru", null,
                    null, null, f[0], "");
            org.apache.lucene.index.memory.MemoryIndex m = org.apache.lucene.index.memory.MemoryIndex.fromDocument(
                    tyndau.index.IndexSchema.toLucene(row), tyndau.index.Analyzers.PER_FIELD);
            if (topics.values().stream().noneMatch(q -> m.search(q) > 0)) {
                continue;
            }
            sentences++;
            // The label is the tone towards this entity: it counts only when the entity is the topic the sentence matched.
            org.apache.lucene.index.memory.MemoryIndex entity = org.apache.lucene.index.memory.MemoryIndex.fromDocument(
                    tyndau.index.IndexSchema.toLucene(new tyndau.document.DocumentRow(0, 0, "s", "independent_media", "public", "ru",
                            null, null, null, f[1], "")), tyndau.index.Analyzers.PER_FIELD);
            if (topics.values().stream().noneMatch(q -> m.search(q) > 0 && entity.search(q) > 0)) {
                continue;
            }
            gold.add(switch (f[5].trim()) { case "1" -> ToneReading.POSITIVE; case "-1" -> ToneReading.NEGATIVE; default -> ToneReading.NEUTRAL; });
            double t = model.score(f[0], "ru").score();
            predicted.add(t > 0 ? ToneReading.POSITIVE : t < 0 ? ToneReading.NEGATIVE : ToneReading.NEUTRAL);
        }
        System.out.printf("sentences naming a default topic with a country entity: %d; of them with that topic as the entity: %d; "
                + "topic tone: %s%n", sentences, gold.size(), score(gold, predicted));
    }
}
