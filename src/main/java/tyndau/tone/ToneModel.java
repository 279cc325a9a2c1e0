package tyndau.tone;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A multinomial logistic regression over {@link ToneFeatures}: three classes (negative, neutral,
 * positive), weights per hashed feature. Reading is a sum of a few hundred weights per sentence.
 * Trained by {@link #train} (AdaGrad, L2, fixed seed: the same data gives the same file); the file
 * also marks which character trigrams training ever saw, so a text made of what the model never saw
 * is reported as unreadable rather than neutral.
 */
final class ToneModel {
    static final int NEGATIVE = 0;
    static final int NEUTRAL = 1;
    static final int POSITIVE = 2;
    private static final int CLASSES = 3;
    private static final int MAGIC = 0x544f4e45; // "TONE"

    final int bits;
    final float[] weights; // [bucket * CLASSES + class]
    final float[] bias = new float[CLASSES];
    final BitSet seen;
    final String digest;

    private ToneModel(int bits, float[] weights, float[] bias, BitSet seen, String digest) {
        this.bits = bits;
        this.weights = weights;
        System.arraycopy(bias, 0, this.bias, 0, CLASSES);
        this.seen = seen;
        this.digest = digest;
    }

    /** Class probabilities of a text, and the share of its features that training saw. */
    record Reading(double negative, double neutral, double positive, double coverage, int features) {
        /** p(positive) − p(negative), in [−1, 1]. */
        double tone() {
            return positive - negative;
        }
    }

    /** {@code coverage}: the share of the text's character trigrams training saw; {@code features}: how many it has. */
    Reading read(String text, List<String> extras) {
        int[] trigrams = ToneFeatures.trigrams(text);
        if (trigrams.length == 0) {
            return new Reading(0, 1, 0, 0, 0);
        }
        int known = 0;
        for (int t : trigrams) {
            if (seen.get(t)) {
                known++;
            }
        }
        int[] f = ToneFeatures.of(text, bits, extras);
        double[] z = new double[CLASSES];
        double scale = 1 / Math.sqrt(f.length);
        for (int b : f) {
            int at = b * CLASSES;
            for (int c = 0; c < CLASSES; c++) {
                z[c] += weights[at + c] * scale;
            }
        }
        double[] p = softmax(z, bias);
        return new Reading(p[NEGATIVE], p[NEUTRAL], p[POSITIVE], known / (double) trigrams.length, trigrams.length);
    }

    private static double[] softmax(double[] z, float[] bias) {
        for (int c = 0; c < z.length; c++) {
            z[c] += bias[c];
        }
        return softmax(z);
    }

    /** The softmax of {@code z}, in place. */
    static double[] softmax(double[] z) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : z) {
            max = Math.max(max, v);
        }
        double sum = 0;
        for (int c = 0; c < z.length; c++) {
            z[c] = Math.exp(z[c] - max);
            sum += z[c];
        }
        for (int c = 0; c < z.length; c++) {
            z[c] /= sum;
        }
        return z;
    }

    /** One labelled text with its weight in training. */
    record Example(String text, List<String> extras, int label, double weight) {
    }

    /** Training settings: hashing bits, passes, learning rate, L2 strength, seed. */
    record Settings(int bits, int epochs, double rate, double l2, long seed) {
    }

    static ToneModel train(List<Example> examples, Settings s) {
        int dims = 1 << s.bits();
        float[] w = new float[dims * CLASSES];
        float[] g2 = new float[dims * CLASSES];
        float[] b = new float[CLASSES];
        double[] bg2 = new double[CLASSES];
        BitSet seen = new BitSet(1 << ToneFeatures.TRIGRAM_BITS);
        int[][] features = new int[examples.size()][];
        for (int i = 0; i < examples.size(); i++) {
            features[i] = ToneFeatures.of(examples.get(i).text(), s.bits(), examples.get(i).extras());
            for (int t : ToneFeatures.trigrams(examples.get(i).text())) {
                seen.set(t);
            }
        }
        int[] order = new int[examples.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Random random = new Random(s.seed());
        double[] z = new double[CLASSES];
        for (int epoch = 0; epoch < s.epochs(); epoch++) {
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
                Example e = examples.get(i);
                double scale = 1 / Math.sqrt(f.length);
                java.util.Arrays.fill(z, 0);
                for (int k : f) {
                    for (int c = 0; c < CLASSES; c++) {
                        z[c] += w[k * CLASSES + c] * scale;
                    }
                }
                double[] p = softmax(z, b);
                for (int c = 0; c < CLASSES; c++) {
                    double grad = (p[c] - (c == e.label() ? 1 : 0)) * e.weight();
                    bg2[c] += grad * grad;
                    b[c] -= (float) (s.rate() * grad / Math.sqrt(bg2[c] + 1e-8));
                    for (int k : f) {
                        int at = k * CLASSES + c;
                        double gk = grad * scale + s.l2() * w[at];
                        g2[at] += (float) (gk * gk);
                        w[at] -= (float) (s.rate() * gk / Math.sqrt(g2[at] + 1e-8));
                    }
                }
            }
        }
        return new ToneModel(s.bits(), w, b, seen, digest(w, b));
    }

    void write(OutputStream out) throws IOException {
        try (DataOutputStream d = new DataOutputStream(new GZIPOutputStream(out))) {
            d.writeInt(MAGIC);
            d.writeInt(bits);
            for (float v : bias) {
                d.writeFloat(v);
            }
            for (float v : weights) {
                d.writeFloat(v);
            }
            byte[] mask = seen.toByteArray();
            d.writeInt(mask.length);
            d.write(mask);
        }
    }

    static ToneModel read(InputStream in) throws IOException {
        try (DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in), 1 << 16))) {
            if (d.readInt() != MAGIC) {
                throw new IOException("not a tone model file");
            }
            int bits = d.readInt();
            float[] b = new float[CLASSES];
            for (int c = 0; c < CLASSES; c++) {
                b[c] = d.readFloat();
            }
            float[] w = new float[(1 << bits) * CLASSES];
            for (int i = 0; i < w.length; i++) {
                w[i] = d.readFloat();
            }
            byte[] mask = new byte[d.readInt()];
            d.readFully(mask);
            return new ToneModel(bits, w, b, BitSet.valueOf(mask), digest(w, b));
        }
    }

    /** A digest of the weights: the scorer's version, so a new model re-scores stored documents. */
    private static String digest(float[] w, float[] b) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            java.nio.ByteBuffer buf = java.nio.ByteBuffer.allocate(4 * (w.length + b.length));
            for (float v : b) {
                buf.putFloat(v);
            }
            for (float v : w) {
                buf.putFloat(v);
            }
            return HexFormat.of().formatHex(md.digest(buf.array())).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
