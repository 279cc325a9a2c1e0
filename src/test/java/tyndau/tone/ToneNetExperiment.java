package tyndau.tone;

import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * A small neural network measured beside the shipped linear model (MODEL.md): the same hashed features
 * and training set, the mean of their embeddings → one ReLU layer → softmax, AdaGrad, fixed seed. Not
 * shipped (it lost on every set); kept so that the comparison can be run again:
 * {@code ./mvnw test -Dtest=ToneNetExperiment -Dtone.data=… -Dtone.balance=0.5 [-Dnet.dim=64 -Dnet.hidden=64 -Dnet.epochs=10 -Dnet.rate=0.1 -Dnet.bits=19]}
 * ({@code -Dtone.folds=7} for the Russian folds).
 */
class ToneNetExperiment {
    static final int BITS = Integer.getInteger("net.bits", 18);
    static final int D = Integer.getInteger("net.dim", 32);
    static final int H = Integer.getInteger("net.hidden", 32);
    static final int EPOCHS = Integer.getInteger("net.epochs", 6);
    static final double RATE = Double.parseDouble(System.getProperty("net.rate", "0.05"));

    final float[] emb = new float[(1 << BITS) * D];
    final float[] w1 = new float[H * D];
    final float[] b1 = new float[H];
    final float[] w2 = new float[3 * H];
    final float[] b2 = new float[3];
    // AdaGrad accumulators
    final float[] gEmb = new float[(1 << BITS) * D];
    final float[] gW1 = new float[H * D];
    final float[] gB1 = new float[H];
    final float[] gW2 = new float[3 * H];
    final float[] gB2 = new float[3];

    ToneNetExperiment() {
        Random r = new Random(20261204L);
        for (int i = 0; i < emb.length; i++) {
            emb[i] = (float) ((r.nextDouble() - 0.5) * 0.1);
        }
        for (int i = 0; i < w1.length; i++) {
            w1[i] = (float) (r.nextGaussian() * Math.sqrt(2.0 / D));
        }
        for (int i = 0; i < w2.length; i++) {
            w2[i] = (float) (r.nextGaussian() * Math.sqrt(1.0 / H));
        }
    }

    double[] forward(int[] f, double[] h, double[] a) {
        java.util.Arrays.fill(h, 0);
        for (int k : f) {
            int at = k * D;
            for (int j = 0; j < D; j++) {
                h[j] += emb[at + j];
            }
        }
        for (int j = 0; j < D; j++) {
            h[j] /= f.length;
        }
        for (int i = 0; i < H; i++) {
            double s = b1[i];
            for (int j = 0; j < D; j++) {
                s += w1[i * D + j] * h[j];
            }
            a[i] = Math.max(0, s);
        }
        double[] z = new double[3];
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < 3; c++) {
            double s = b2[c];
            for (int i = 0; i < H; i++) {
                s += w2[c * H + i] * a[i];
            }
            z[c] = s;
            max = Math.max(max, s);
        }
        double sum = 0;
        for (int c = 0; c < 3; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < 3; c++) {
            z[c] /= sum;
        }
        return z;
    }

    static float step(float[] w, float[] g, int i, double grad) {
        g[i] += (float) (grad * grad);
        w[i] -= (float) (RATE * grad / Math.sqrt(g[i] + 1e-8));
        return w[i];
    }

    void train(List<ToneModel.Example> examples) {
        int[][] features = new int[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            features[i] = ToneFeatures.of(examples.get(i).text(), BITS, examples.get(i).extras());
        }
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(20261204L);
        double[] h = new double[D];
        double[] a = new double[H];
        double[] da = new double[H];
        double[] dh = new double[D];
        for (int epoch = 0; epoch < EPOCHS; epoch++) {
            for (int i = order.length - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = order[i];
                order[i] = order[j];
                order[j] = t;
            }
            for (int i : order) {
                int[] f = features[i];
                if (f.length == 0) {
                    continue;
                }
                ToneModel.Example e = examples.get(i);
                double[] p = forward(f, h, a);
                java.util.Arrays.fill(da, 0);
                for (int c = 0; c < 3; c++) {
                    double dz = (p[c] - (c == e.label() ? 1 : 0)) * e.weight();
                    for (int k = 0; k < H; k++) {
                        da[k] += dz * w2[c * H + k];
                        step(w2, gW2, c * H + k, dz * a[k]);
                    }
                    step(b2, gB2, c, dz);
                }
                java.util.Arrays.fill(dh, 0);
                for (int k = 0; k < H; k++) {
                    if (a[k] <= 0) {
                        continue;
                    }
                    double d = da[k];
                    for (int j = 0; j < D; j++) {
                        dh[j] += d * w1[k * D + j];
                        step(w1, gW1, k * D + j, d * h[j]);
                    }
                    step(b1, gB1, k, d);
                }
                for (int k : f) {
                    int at = k * D;
                    for (int j = 0; j < D; j++) {
                        step(emb, gEmb, at + j, dh[j] / f.length);
                    }
                }
            }
        }
    }

    double tone(String text, String language, LexiconToneScorer lexicon) {
        double sum = 0;
        int n = 0;
        int start = 0;
        java.util.regex.Matcher end = Sentences.matcher(text);
        double[] h = new double[D];
        double[] a = new double[H];
        while (start < text.length()) {
            int stop = Sentences.end(end, text, start);
            String s = text.substring(start, stop);
            if (!s.isBlank()) {
                int[] f = ToneFeatures.of(s, BITS, ModelToneScorer.extras(s, language, lexicon.score(s, language).score()));
                if (f.length > 0) {
                    double[] p = forward(f, h, a);
                    sum += p[2] - p[0];
                    n++;
                }
            }
            start = stop;
        }
        return n == 0 ? 0 : Math.round(sum / n * 1000) / 1000.0;
    }

    @Test
    void measure() throws Exception {
        Path d = tyndau.ReferenceData.onDemand("tone.data", "DIR, the training corpora ToneModelTraining reads");
        LexiconToneScorer lexicon = new LexiconToneScorer();
        int folds = Integer.getInteger("tone.folds", 0);
        if (folds > 0) {
            List<ToneData.Item> ru = ToneData.ruSentNE(d.resolve("dialogue-evaluation+RuSentNE-evaluation/train_data.csv"));
            double sum = 0;
            for (int fold = 0; fold < folds; fold++) {
                int f = fold;
                Predicate<ToneData.Item> held = i -> Math.floorMod(i.text().hashCode(), folds) == f;
                ToneNetExperiment net = new ToneNetExperiment();
                net.train(ToneModelTraining.trainingSet(d, lexicon, held));
                List<ToneData.Item> back = ru.stream().filter(held).toList();
                double f1 = ToneModelTraining.f1PosNeg(back, t -> net.tone(t, "ru", lexicon));
                System.out.printf("net fold %d: %.3f%n", fold, f1);
                sum += f1;
            }
            System.out.printf("net folds mean F1 %.4f%n", sum / folds);
            return;
        }
        long t0 = System.nanoTime();
        ToneNetExperiment net = new ToneNetExperiment();
        net.train(ToneModelTraining.trainingSet(d, lexicon, i -> false));
        System.out.printf("net trained in %.0f s (bits %d, dim %d, hidden %d, epochs %d, rate %s)%n", (System.nanoTime() - t0) / 1e9, BITS, D, H, EPOCHS, RATE);
        List<ToneData.Item> ru = ToneData.ruSentNE(d.resolve("dialogue-evaluation+RuSentNE-evaluation/validation_data_labeled.csv"));
        System.out.printf("net RuSentNE validation F1 %.3f%n", ToneModelTraining.f1PosNeg(ru, t -> net.tone(t, "ru", lexicon)));
        List<ToneData.Item> kk = ToneData.kazSAnDRA(d.resolve("IS2AI+KazSAnDRA/dataset/05_pc_test.csv"));
        System.out.printf("net KazSAnDRA BA %.3f%n", ToneModelTraining.balancedSign(kk, t -> net.tone(t, "kk", lexicon)));
        List<ToneData.Item> nyt = ToneData.vaderGroundTruth(
                d.resolve("cjhutto+vaderSentiment/additional_resources/hutto_ICWSM_2014/nytEditorialSnippets_GroundTruth.txt"), 0.5);
        System.out.printf("net NYT r %.3f%n", ToneModelTraining.pearson(nyt, t -> net.tone(t, "en", lexicon)));
    }
}
