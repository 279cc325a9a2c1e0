package tyndau.tone;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;
import org.junit.jupiter.api.Test;

/**
 * Trains the shipped tone model and measures it on held-out sets beside the lexicon scorer and VADER
 * (src/main/resources/tone/MODEL.md has the command, the sources and the figures). Runs only when
 * {@code -Dtone.data} names the directory holding the fetched sets; {@code -Dtone.out} writes the model.
 */
class ToneModelTraining {
    static final ToneModel.Settings SETTINGS = new ToneModel.Settings(
            Integer.getInteger("tone.bits", 18), Integer.getInteger("tone.epochs", 4),
            Double.parseDouble(System.getProperty("tone.rate", "0.1")), Double.parseDouble(System.getProperty("tone.l2", "1e-6")),
            Long.getLong("tone.seed", 20261204L));
    static final double THRESHOLD = 0.1;

    @Test
    void trainAndMeasure() throws IOException {
        Path d = tyndau.ReferenceData.onDemand("tone.data", "DIR, the training corpora (src/main/resources/tone/MODEL.md)");
        LexiconToneScorer lexicon = new LexiconToneScorer();
        if (FOLDS > 0) {
            // -Dtone.folds=k: k models, each without a k-th of RuSentNE's (and RuOpinionNE's) training sentences
            // (by the sentence's hash), F1 on what each left out: settings are chosen on this, never on validation.
            List<ToneData.Item> ru = ToneData.ruSentNE(d.resolve("dialogue-evaluation+RuSentNE-evaluation/train_data.csv"));
            double sum = 0;
            double[] bands = {0, 0.05, 0.1, 0.125, 0.15, 0.175, 0.2, 0.25, 0.3};
            double[] byBand = new double[bands.length];
            for (int fold = 0; fold < FOLDS; fold++) {
                int f = fold;
                Predicate<ToneData.Item> held = i -> Math.floorMod(i.text().hashCode(), FOLDS) == f;
                ModelToneScorer scorer = new ModelToneScorer(ToneModel.train(trainingSet(d, lexicon, held), SETTINGS), lexicon);
                List<ToneData.Item> heldBack = ru.stream().filter(held).toList();
                Map<String, Double> tones = new HashMap<>();
                heldBack.forEach(i -> tones.computeIfAbsent(i.text(), t -> scorer.withBand(t, "ru", 0).score()));
                double f1 = f1PosNeg(heldBack, t -> scorer.score(t, "ru").score());
                System.out.printf("choice fold %d (n=%d): F1 pos+neg %.3f%n", fold, heldBack.size(), f1);
                sum += f1;
                for (int b = 0; b < bands.length; b++) {
                    byBand[b] += f1PosNeg(heldBack, tones::get, Math.max(bands[b], 0.0005)) / FOLDS;
                }
                dump(heldBack, tones::get, "fold" + fold);
            }
            System.out.printf("choice (RuSentNE train, %d folds): mean F1 pos+neg %.4f%n", FOLDS, sum / FOLDS);
            StringBuilder sweep = new StringBuilder();
            for (int b = 0; b < bands.length; b++) {
                sweep.append(String.format(" ±%.3f %.4f", bands[b], byBand[b]));
            }
            System.out.println("choice, mean F1 pos+neg by the neutral band:" + sweep);
            return;
        }
        Predicate<ToneData.Item> held = DEV ? ToneModelTraining::isDev : i -> false;
        List<ToneModel.Example> train = trainingSet(d, lexicon, held);
        long t0 = System.nanoTime();
        ToneModel model = ToneModel.train(train, SETTINGS);
        System.out.printf("tone model: %d examples, %s, trained in %.0f s, version %s%n", train.size(), SETTINGS,
                (System.nanoTime() - t0) / 1e9, model.digest);
        String out = System.getProperty("tone.out");
        if (out != null) {
            try (OutputStream o = Files.newOutputStream(Path.of(out))) {
                model.write(o);
            }
            System.out.printf("tone model written to %s (%d bytes)%n", out, Files.size(Path.of(out)));
        }
        ModelToneScorer scorer = new ModelToneScorer(model, lexicon);
        if (DEV) {
            List<ToneData.Item> ruDev = ToneData.ruSentNE(d.resolve("dialogue-evaluation+RuSentNE-evaluation/train_data.csv")).stream()
                    .filter(held).toList();
            System.out.printf("choice (RuSentNE train, held-back seventh, n=%d): F1 pos+neg %.3f%n", ruDev.size(),
                    f1PosNeg(ruDev, t -> scorer.score(t, "ru").score()));
        }
        measure(d, scorer, lexicon);
    }

    /** Every training set, weighted (MODEL.md), without the Russian training sentences {@code held} names. */
    static List<ToneModel.Example> trainingSet(Path d, LexiconToneScorer lexicon, Predicate<ToneData.Item> held) throws IOException {
        List<ToneModel.Example> train = new ArrayList<>();
        add(train, lexicon, "kk", ToneData.kazSAnDRA(d.resolve("IS2AI+KazSAnDRA/dataset/03_pc_train_rus.csv")), 20_000);
        List<ToneData.Item> ruTrain = ToneData.ruSentNE(d.resolve("dialogue-evaluation+RuSentNE-evaluation/train_data.csv")).stream()
                .filter(held.negate()).toList();
        if (Boolean.getBoolean("tone.ru.merge")) {
            ruTrain = polarPerSentence(ruTrain);
        }
        addWith(train, lexicon, "ru", ruTrain, Double.parseDouble(System.getProperty("tone.ru.mass", "20000")),
                Double.parseDouble(System.getProperty("tone.ru.balance", System.getProperty("tone.balance", "1"))));
        // Sentences of the held-out RuSentNE validation file that other sets also carry are never trained on.
        Set<String> heldOut = new HashSet<>();
        ToneData.ruSentNE(d.resolve("dialogue-evaluation+RuSentNE-evaluation/validation_data_labeled.csv")).forEach(i -> heldOut.add(i.text()));
        double opinionMass = Double.parseDouble(System.getProperty("tone.ruopinion.mass", "10000"));
        double expressionMass = Double.parseDouble(System.getProperty("tone.expressions.mass", "5000"));
        // A RuOpinionNE sentence (and its polar expressions) may be trained on unless validation or a fold holds it.
        Predicate<String> usable = sentence -> !heldOut.contains(sentence) && !held.test(new ToneData.Item(sentence, 0, Double.NaN));
        List<ToneData.Item> opinions = new ArrayList<>();
        List<ToneData.Item> expressions = new ArrayList<>();
        for (String f : List.of("train.jsonl", "validation_labeled.jsonl")) {
            Path file = d.resolve("dialogue-evaluation+RuOpinionNE-2024/" + f);
            ToneData.ruOpinionNE(file).stream().filter(i -> usable.test(i.text())).forEach(opinions::add);
            // Each polar expression alone, labelled with its opinion's polarity.
            ToneData.ruOpinionExpressions(file).stream().filter(s -> usable.test(s.sentence())).forEach(s -> expressions.add(s.item()));
        }
        if (opinionMass > 0) {
            add(train, lexicon, "ru", opinions, opinionMass);
        }
        if (expressionMass > 0) {
            add(train, lexicon, "ru", expressions, expressionMass);
        }
        double cedrMass = Double.parseDouble(System.getProperty("tone.cedr.mass", "0"));
        if (cedrMass > 0) {
            String only = System.getProperty("tone.cedr.source", "");
            add(train, lexicon, "ru", ToneData.cedr(d.resolve("searayeah+russian-sentiment-emotion-datasets/CEDR/cedr-main-train.csv"), only).stream()
                    .filter(i -> !heldOut.contains(i.text())).toList(), cedrMass);
        }
        if (Boolean.parseBoolean(System.getProperty("tone.goemotions", "true"))) {
            List<ToneData.Item> go = new ArrayList<>();
            for (String f : List.of("validation", "test")) {
                go.addAll(ToneData.ruGoEmotions(d.resolve("searayeah+ru-goemotions/dataset/ru-go-emotions-simplified-" + f + ".csv")));
            }
            add(train, lexicon, "ru", go, Double.parseDouble(System.getProperty("tone.goemotions.mass", "10000")));
            if (Boolean.parseBoolean(System.getProperty("tone.goemotions.en", "true"))) {
                List<ToneData.Item> en = new ArrayList<>();
                for (String f : List.of("validation", "test")) {
                    en.addAll(ToneData.enGoEmotions(d.resolve("searayeah+ru-goemotions/dataset/ru-go-emotions-simplified-" + f + ".csv")));
                }
                add(train, lexicon, "en", en, Double.parseDouble(System.getProperty("tone.goemotions.mass", "10000")));
            }
        }
        add(train, lexicon, "en", ToneData.newsMtsc(d.resolve("fhamborg+NewsMTSC/NewsSentiment/controller_data/datasets/NewsMTSC-dataset/train.jsonl")), 10_000);
        Path vader = d.resolve("cjhutto+vaderSentiment/additional_resources/hutto_ICWSM_2014");
        List<ToneData.Item> vaderTrain = new ArrayList<>();
        // amazonReviewSnippets is held out: the validation set on which the English blend was chosen.
        for (String f : List.of("tweets", "movieReviewSnippets")) {
            vaderTrain.addAll(ToneData.vaderGroundTruth(vader.resolve(f + "_GroundTruth.txt"), 0.5));
        }
        add(train, lexicon, "en", vaderTrain, 10_000);
        return train;
    }

    static final int FOLDS = Integer.getInteger("tone.folds", 0);
    static final boolean DEV = Boolean.getBoolean("tone.dev");

    /**
     * One item per sentence of a set labelled towards entities (RuSentNE): a sentence any of whose entities
     * is treated with a tone carries that tone (the more frequent one when both), otherwise it is neutral.
     */
    static List<ToneData.Item> polarPerSentence(List<ToneData.Item> rows) {
        Map<String, int[]> votes = new java.util.LinkedHashMap<>();
        rows.forEach(i -> votes.computeIfAbsent(i.text(), t -> new int[3])[i.label() + 1]++);
        List<ToneData.Item> out = new ArrayList<>();
        votes.forEach((text, v) -> out.add(new ToneData.Item(text, v[0] + v[2] == 0 ? 0 : v[2] > v[0] ? 1 : -1, Double.NaN)));
        return out;
    }

    static boolean isDev(ToneData.Item i) {
        return Math.floorMod(i.text().hashCode(), 7) == 0;
    }

    /** Adds a set with balanced class weights, the set's weights summing to {@code mass}. */
    static void add(List<ToneModel.Example> train, LexiconToneScorer lexicon, String language, List<ToneData.Item> items, double mass) {
        addWith(train, lexicon, language, items, mass, Double.parseDouble(System.getProperty("tone.balance", "1")));
    }

    /** Adds a set with class weights ∝ (n / n_class)^power, the set's weights summing to {@code mass}. */
    static void addWith(List<ToneModel.Example> train, LexiconToneScorer lexicon, String language, List<ToneData.Item> items, double mass,
            double power) {
        boolean lex = Boolean.parseBoolean(System.getProperty("tone.lexfeatures", "true"));
        Map<Integer, Integer> perClass = new HashMap<>();
        items.forEach(i -> perClass.merge(i.label(), 1, Integer::sum));
        double total = 0;
        for (ToneData.Item i : items) {
            total += Math.pow(items.size() / (double) perClass.get(i.label()), power);
        }
        for (ToneData.Item i : items) {
            double w = mass * Math.pow(items.size() / (double) perClass.get(i.label()), power) / total;
            train.add(new ToneModel.Example(i.text(), lex ? ModelToneScorer.extras(i.text(), language, lexicon.score(i.text(), language).score()) : List.of(),
                    i.label() + 1, w / 1000.0 * 40));
        }
    }

    static void measure(Path d, ModelToneScorer model, LexiconToneScorer lexicon) throws IOException {
        VaderBaseline vader = new VaderBaseline(Path.of("..", "shared", "data", "sentiment", "vader", "vader_lexicon.txt"));
        System.out.println("| held-out set | n | scorer | accuracy | macro-F1 | F1 pos+neg | balanced accuracy | Pearson r |");
        System.out.println("|---|---|---|---|---|---|---|---|");
        List<ToneData.Item> kk = ToneData.kazSAnDRA(d.resolve("IS2AI+KazSAnDRA/dataset/05_pc_test.csv"));
        rows("KazSAnDRA polarity test (kk reviews and comments, informal)", kk, scorers(model, lexicon, null, "kk"));
        rows("zhengissov kazakh_revs (kk reviews)", ToneData.csvPairs(d.resolve("zhengissov+kazakh-sentiment/kazakh_revs.csv")),
                scorers(model, lexicon, null, "kk"));

        Path rusentne = d.resolve("dialogue-evaluation+RuSentNE-evaluation");
        Set<String> seen = new HashSet<>();
        ToneData.ruSentNE(rusentne.resolve("train_data.csv")).forEach(i -> seen.add(i.text()));
        List<ToneData.Item> ru = ToneData.ruSentNE(rusentne.resolve("validation_data_labeled.csv"));
        rows("RuSentNE validation (ru news, tone towards an entity)", ru, scorers(model, lexicon, null, "ru"));
        rows("the same, only sentences not in its training set", ru.stream().filter(i -> !seen.contains(i.text())).toList(),
                scorers(model, lexicon, null, "ru"));
        rows("OpenSentimentCorpus, expert-validated (ru journalism and opinion)", ToneData.openSentimentCorpus(
                d.resolve("yarfruct+open-sentiment-corpus/opensentimentcorpus-final-by-total-agreement-with-expert-validation.csv")),
                scorers(model, lexicon, null, "ru"));
        rows("CEDR test (ru news, blogs, tweets; emotions read as tone)",
                ToneData.cedr(d.resolve("searayeah+russian-sentiment-emotion-datasets/CEDR/cedr-main-test.csv"), ""), scorers(model, lexicon, null, "ru"));
        rows("RuSentiTweet test (ru tweets)", ToneData.ruSentimentScheme(d.resolve("sismetanin+rusentitweet/rusentitweet_test.csv")),
                scorers(model, lexicon, null, "ru"));
        List<ToneData.Item> nyt = ToneData.vaderGroundTruth(
                d.resolve("cjhutto+vaderSentiment/additional_resources/hutto_ICWSM_2014/nytEditorialSnippets_GroundTruth.txt"), 0.5);
        rows("VADER NYT editorial snippets (en, human valence; classes beyond ±0.5)", nyt, scorers(model, lexicon, vader, "en"));
        List<ToneData.Item> mtsc = ToneData.newsMtsc(d.resolve("fhamborg+NewsMTSC/NewsSentiment/controller_data/datasets/NewsMTSC-dataset/devtest_rw.jsonl"));
        rows("NewsMTSC devtest_rw (en news, tone towards a person)", mtsc, scorers(model, lexicon, vader, "en"));

        dump(ru, t -> model.withBand(t, "ru", 0).score(), "validation");
        dump(ru, t -> lexicon.score(t, "ru").score(), "lexicon");
        // As POST /api/analyze reads them: the language detected, not given.
        Map<String, Integer> detected = new java.util.TreeMap<>();
        ru.forEach(i -> detected.merge(tyndau.language.Languages.decide(i.text(), null, null), 1, Integer::sum));
        System.out.printf("RuSentNE validation, language detected %s: F1 pos+neg %.4f%n", detected,
                f1PosNeg(ru, t -> model.score(t, tyndau.language.Languages.decide(t, null, null)).score()));
        // KazSAnDRA's test reviews as POST /api/analyze reads them too: informal Kazakh is often taken for another
        // language (short, Russian words, Latin letters), and then read without the Kazakh blend.
        Map<String, Integer> kkDetected = new java.util.TreeMap<>();
        kk.forEach(i -> kkDetected.merge(String.valueOf(tyndau.language.Languages.decide(i.text(), null, null)), 1, Integer::sum));
        System.out.printf("KazSAnDRA test, language detected %s: balanced accuracy %.4f (given kk: %.4f)%n", kkDetected,
                balancedSign(kk, t -> model.score(t, tyndau.language.Languages.decide(t, null, null)).score()),
                balancedSign(kk, t -> model.score(t, "kk").score()));
        // Whatever band a reader of the tone draws its classes with (a zero tone neutral, ±0.05, ±0.1, …).
        StringBuilder sweep = new StringBuilder();
        for (double t : new double[] {0.0005, 0.05, 0.1, 0.15, 0.2, 0.3}) {
            sweep.append(String.format(" ±%.2f %.4f", t, f1PosNeg(ru, x -> model.score(x, "ru").score(), t)));
        }
        System.out.println("RuSentNE validation, all rows, F1 pos+neg with classes drawn at:" + sweep);
        // The English blend (model and lexicon) was chosen on splits used for nothing else: VADER's Amazon
        // snippets (valence, r) and NewsMTSC devtest_mt (classes, F1).
        List<ToneData.Item> amazon = ToneData.vaderGroundTruth(
                d.resolve("cjhutto+vaderSentiment/additional_resources/hutto_ICWSM_2014/amazonReviewSnippets_GroundTruth.txt"), 0.5);
        System.out.printf("choice (VADER Amazon snippets, n=%d): r model alone %.3f, model+lexicon blend %.3f, VADER %.3f%n", amazon.size(),
                pearson(amazon, t -> model.model(t, "en").score()), pearson(amazon, t -> model.score(t, "en").score()),
                pearson(amazon, vader::compound));
        List<ToneData.Item> mt = ToneData.newsMtsc(d.resolve("fhamborg+NewsMTSC/NewsSentiment/controller_data/datasets/NewsMTSC-dataset/devtest_mt.jsonl"));
        System.out.printf("choice (NewsMTSC devtest_mt, n=%d): F1 pos+neg model alone %.3f, model+lexicon blend %.3f%n", mt.size(),
                f1PosNeg(mt, t -> model.model(t, "en").score()), f1PosNeg(mt, t -> model.score(t, "en").score()));
        // The neutral band, language by language, on the same validation splits (and KazSAnDRA's own
        // validation file, and the project's Kazakh news sentences): the band beside none.
        double band = ModelToneScorer.NEUTRAL_BAND;
        System.out.printf("choice, neutral band %.3f beside none: en Amazon r %.3f / %.3f, NewsMTSC devtest_mt F1 %.3f / %.3f%n", band,
                pearson(amazon, t -> model.withBand(t, "en", band).score()), pearson(amazon, t -> model.withBand(t, "en", 0).score()),
                f1PosNeg(mt, t -> model.withBand(t, "en", band).score()), f1PosNeg(mt, t -> model.withBand(t, "en", 0).score()));
        List<ToneData.Item> kkValid = ToneData.kazSAnDRA(d.resolve("IS2AI+KazSAnDRA/dataset/04_pc_valid.csv"));
        List<ToneData.Item> kkNews = new ArrayList<>();
        ToneEvaluationTest.labelled("labelled-kk.tsv").forEach(l -> kkNews.add(new ToneData.Item(l.text(), l.label(), Double.NaN)));
        System.out.printf("choice, neutral band %.3f beside none: kk KazSAnDRA valid (n=%d) balanced accuracy %.3f / %.3f, "
                + "project kk news (n=%d) F1 %.3f / %.3f%n", band, kkValid.size(),
                balancedSign(kkValid, t -> model.withBand(t, "kk", band).score()), balancedSign(kkValid, t -> model.withBand(t, "kk", 0).score()),
                kkNews.size(), f1PosNeg(kkNews, t -> model.withBand(t, "kk", band).score()), f1PosNeg(kkNews, t -> model.withBand(t, "kk", 0).score()));
        List<String> sentences = new ArrayList<>();
        nyt.forEach(i -> sentences.add(i.text()));
        ru.forEach(i -> sentences.add(i.text()));
        kk.subList(0, 5000).forEach(i -> sentences.add(i.text()));
        double modelRate = rate(sentences, t -> model.score(t, "en").score());
        double lexiconRate = rate(sentences, t -> lexicon.score(t, "en").score());
        System.out.printf("throughput, one thread, %d texts (en, ru, kk): model %.0f texts/s, lexicon %.0f texts/s (ratio %.2f)%n",
                sentences.size(), modelRate, lexiconRate, modelRate / lexiconRate);
        // Russian read as Russian: the frames' matching on top.
        List<String> russian = ru.stream().map(ToneData.Item::text).toList();
        double ruModel = rate(russian, t -> model.score(t, "ru").score());
        double ruLexicon = rate(russian, t -> lexicon.score(t, "ru").score());
        System.out.printf("throughput, one thread, %d Russian sentences read as ru: model %.0f texts/s, lexicon %.0f texts/s (ratio %.2f)%n",
                russian.size(), ruModel, ruLexicon, ruModel / ruLexicon);
        System.out.printf("VADER NYT editorial snippets (en), the model alone without the lexicon's blend: r %.3f%n",
                pearson(nyt, t -> model.model(t, "en").score()));
    }

    /** The scorers a set is measured with, by name: the model, the lexicon, and VADER when given (English). */
    static Map<String, ToDoubleFunction<String>> scorers(ModelToneScorer model, LexiconToneScorer lexicon, VaderBaseline vader, String language) {
        Map<String, ToDoubleFunction<String>> out = new java.util.LinkedHashMap<>();
        out.put("model", t -> model.score(t, language).score());
        out.put("lexicon", t -> lexicon.score(t, language).score());
        if (vader != null) {
            out.put("VADER", vader::compound);
        }
        return out;
    }

    /**
     * One table row per scorer: accuracy, macro-F1 over the set's classes, F1 over positive and negative,
     * balanced accuracy (the mean recall of the set's classes) and, for valence sets, Pearson r. Classes:
     * tone > 0.1 positive, < −0.1 negative, else neutral; in a set without neutral labels (KazSAnDRA's
     * polarity files) a tone's sign, and a zero tone is wrong.
     */
    static void rows(String set, List<ToneData.Item> items, Map<String, ToDoubleFunction<String>> scorers) {
        boolean polarOnly = items.stream().noneMatch(i -> i.label() == 0);
        boolean valence = items.stream().anyMatch(i -> !Double.isNaN(i.valence()));
        int[] classes = polarOnly ? new int[] {-1, 1} : new int[] {-1, 0, 1};
        double band = polarOnly ? 0 : THRESHOLD;
        scorers.forEach((name, scorer) -> {
            List<int[]> gp = new ArrayList<>();
            double[] x = new double[items.size()];
            double[] y = new double[items.size()];
            for (int k = 0; k < items.size(); k++) {
                double t = scorer.applyAsDouble(items.get(k).text());
                x[k] = t;
                y[k] = items.get(k).valence();
                gp.add(new int[] {items.get(k).label(), t > band ? 1 : t < -band ? -1 : 0});
            }
            double recall = 0;
            for (int c : classes) {
                recall += gp.stream().filter(g -> g[0] == c && g[1] == c).count() / (double) gp.stream().filter(g -> g[0] == c).count();
            }
            System.out.printf("| %s | %,d | %s | %.3f | %.3f | %.3f | %.3f | %s |%n", set, items.size(), name, ToneEvaluationTest.accuracy(gp),
                    ToneEvaluationTest.macroF1(gp, classes), ToneEvaluationTest.macroF1(gp, -1, 1), recall / classes.length,
                    valence ? String.format("%.3f", new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(x, y)) : "—");
        });
    }

    /** With {@code -Dtone.dump=file}: appends each item's label and tone, for analyses beyond this class. */
    static void dump(List<ToneData.Item> items, ToDoubleFunction<String> tone, String set) throws IOException {
        String file = System.getProperty("tone.dump");
        if (file != null) {
            StringBuilder b = new StringBuilder();
            items.forEach(i -> b.append(set).append('\t').append(i.label()).append('\t').append(tone.applyAsDouble(i.text()))
                    .append('\t').append(i.text().replaceAll("\\s+", " ")).append('\n'));
            Files.writeString(Path.of(file), b, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    /** Texts scored per second on this thread, best of three passes after a warm-up. */
    static double rate(List<String> texts, ToDoubleFunction<String> tone) {
        double best = 0;
        double sink = 0;
        for (int pass = 0; pass < 4; pass++) {
            long t0 = System.nanoTime();
            for (String t : texts) {
                sink += tone.applyAsDouble(t);
            }
            double r = texts.size() / ((System.nanoTime() - t0) / 1e9);
            best = pass == 0 ? best : Math.max(best, r);
        }
        return sink == Double.MIN_VALUE ? 0 : best;
    }

    /** Mean recall of positive and negative, by the sign of the tone; a zero tone is wrong for both. */
    static double balancedSign(List<ToneData.Item> items, ToDoubleFunction<String> tone) {
        int[] right = new int[3];
        int[] total = new int[3];
        for (ToneData.Item i : items) {
            double t = tone.applyAsDouble(i.text());
            total[i.label() + 1]++;
            if (Math.signum(t) == i.label() && t != 0) {
                right[i.label() + 1]++;
            }
        }
        return (right[0] / (double) total[0] + right[2] / (double) total[2]) / 2;
    }

    /** Macro-F1 over positive and negative, classes by ±{@link #THRESHOLD}. */
    static double f1PosNeg(List<ToneData.Item> items, ToDoubleFunction<String> tone) {
        return f1PosNeg(items, tone, THRESHOLD);
    }

    /** Macro-F1 over positive and negative, classes by ±{@code band}. */
    static double f1PosNeg(List<ToneData.Item> items, ToDoubleFunction<String> tone, double band) {
        List<int[]> gp = new ArrayList<>();
        for (ToneData.Item i : items) {
            double t = tone.applyAsDouble(i.text());
            gp.add(new int[] {i.label(), t > band ? 1 : t < -band ? -1 : 0});
        }
        return ToneEvaluationTest.macroF1(gp, -1, 1);
    }

    static double pearson(List<ToneData.Item> items, ToDoubleFunction<String> tone) {
        double[] x = new double[items.size()];
        double[] y = new double[items.size()];
        for (int k = 0; k < items.size(); k++) {
            x[k] = tone.applyAsDouble(items.get(k).text());
            y[k] = items.get(k).valence();
        }
        return new org.apache.commons.math3.stat.correlation.PearsonsCorrelation().correlation(x, y);
    }
}
