package tyndau.tone;

import java.util.List;
import tyndau.document.ToneReading;

/**
 * The tone label a reader would give a whole article, and its confidence, from what was read of its
 * sentences. A mean of sentence tones calls most neutral articles positive or negative, and misses
 * articles the model reads as neutral towards every entity while they report a disaster; so an
 * article is read by a small multinomial logistic regression over eight figures of its sentences —
 * the model's mean tone and its shares of positive and negative sentences, the lexicon's mean and
 * shares, and the headline's tone by each — learnt from Russian news articles labelled for this
 * project (docs/tone.md, src/test/resources/tone/articles/README.md; retrain with
 * {@code ArticleToneEvaluation}). The label is the likeliest class, the confidence its probability.
 * Russian only, as its training; in another language the label is the tone's side of the
 * {@link ToneReading#BAND neutral band}.
 */
final class ArticleTone {
    /** Changes with the weights or the figures: stored readings are then made again (DocumentAnalyser's version). */
    static final String VERSION = "article-1";
    /** Number of figures read from an article. */
    static final int FEATURES = 8;

    /** Weights [feature][class] (classes: negative, neutral, positive) and biases, from {@code ArticleToneEvaluation}. */
    static final double[][] WEIGHTS = {
        {-0.186033, 0.078029, 0.108004},
        {-0.122200, -0.006367, 0.128567},
        {0.198356, -0.014959, -0.183397},
        {-0.265814, 0.144670, 0.121143},
        {-0.138504, 0.039234, 0.099270},
        {0.299856, -0.178206, -0.121650},
        {-0.302544, 0.086320, 0.216225},
        {-0.152310, 0.009698, 0.142612},
    };
    static final double[] BIAS = {-0.173614, 0.101639, 0.071975};
    static final String[] CLASSES = {ToneReading.NEGATIVE, ToneReading.NEUTRAL, ToneReading.POSITIVE};

    private ArticleTone() {
    }

    /** The reading of a scored text: the regression for Russian, the band otherwise; null when nothing was read. */
    static ToneReading read(ToneScorer.Tone tone, String language) {
        if (!tone.toned()) {
            return null;
        }
        if (!"ru".equals(language) || tone.sentences().isEmpty()) {
            return ToneReading.of(tone.score());
        }
        double[] p = probabilities(features(tone.sentences()), WEIGHTS, BIAS);
        int best = 0;
        for (int k = 1; k < p.length; k++) {
            best = p[k] > p[best] ? k : best;
        }
        return new ToneReading(CLASSES[best], Math.round(p[best] * 1000) / 1000.0);
    }

    /**
     * The eight figures: over the sentences the model read, their mean tone and the shares above and below
     * 0; over all sentences, the lexicon's mean and shares; the first sentence's (the headline's) lexicon
     * and model tone.
     */
    static double[] features(List<ToneScorer.SentenceTone> sentences) {
        double modelSum = 0, lexSum = 0;
        int modelN = 0, modelPos = 0, modelNeg = 0, lexPos = 0, lexNeg = 0;
        for (ToneScorer.SentenceTone s : sentences) {
            if (s.toned()) {
                modelN++;
                modelSum += s.score();
                modelPos += s.score() > 0 ? 1 : 0;
                modelNeg += s.score() < 0 ? 1 : 0;
            }
            lexSum += s.lexicon();
            lexPos += s.lexicon() > 0 ? 1 : 0;
            lexNeg += s.lexicon() < 0 ? 1 : 0;
        }
        int n = sentences.size();
        ToneScorer.SentenceTone head = sentences.isEmpty() ? null : sentences.get(0);
        return new double[] {
            modelN == 0 ? 0 : modelSum / modelN,
            modelN == 0 ? 0 : (double) modelPos / modelN,
            modelN == 0 ? 0 : (double) modelNeg / modelN,
            n == 0 ? 0 : lexSum / n,
            n == 0 ? 0 : (double) lexPos / n,
            n == 0 ? 0 : (double) lexNeg / n,
            head == null ? 0 : head.lexicon(),
            head == null || !head.toned() ? 0 : head.score(),
        };
    }

    /** Class probabilities (softmax of x·W + b). */
    static double[] probabilities(double[] x, double[][] w, double[] b) {
        double[] z = b.clone();
        for (int f = 0; f < x.length; f++) {
            for (int k = 0; k < z.length; k++) {
                z[k] += x[f] * w[f][k];
            }
        }
        return ToneModel.softmax(z);
    }
}
