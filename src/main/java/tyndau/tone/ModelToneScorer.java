package tyndau.tone;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Tone from the learnt model ({@link ToneModel}, src/main/resources/tone/MODEL.md), sentence by
 * sentence: a sentence's tone is p(positive) − p(negative), the model reading the sentence's words and
 * character n-grams and what the lexicon makes of it. In English and Kazakh the lexicon's own score is
 * added (clipped to [−1, 1]): chosen on validation data, see MODEL.md. The text's tone is the mean over
 * the sentences the model could read (at least half of their features seen in training); when it could
 * read none, the lexicon answers if it finds words it knows, and otherwise the text is untoned, not neutral.
 */
public class ModelToneScorer implements ToneScorer {
    /** The share of a sentence's features training must have seen for its tone to count. */
    static final double MIN_COVERAGE = 0.5;
    /** Languages whose sentence tone adds the lexicon's score to the model's. */
    static final Set<String> BLEND = Set.of("en", "kk");
    static final String RESOURCE = "tone/model.bin.gz";

    /**
     * A sentence whose p(positive) − p(negative) is within ± this is read as neutral: its tone is exactly 0
     * so that a tone's sign says what the model read and a neutral sentence does not drift a mean. Chosen
     * on folds of the Russian training sentences (MODEL.md), never on validation. Not in the languages of
     * the lexicon's blend ({@link #BLEND}): measured on their validation sets, it lost there. Nor in a text
     * with no language (too few letters to tell one: "Керемет!", "Супер"), which is no news sentence: on
     * KazSAnDRA's validation file its 765 such reviews read 0.600 balanced accuracy without the band, 0.484 with it.
     */
    static final double NEUTRAL_BAND = 0.175;

    /** Changes with how a tone is read from the model (the band's languages): stored tone is then re-scored. */
    static final String READING = "r2";

    private final ToneModel model;
    private final LexiconToneScorer lexicon;

    ModelToneScorer(ToneModel model, LexiconToneScorer lexicon) {
        this.model = model;
        this.lexicon = lexicon;
    }

    /** The shipped model, from the class path. */
    public static ModelToneScorer shipped(LexiconToneScorer lexicon) {
        try (InputStream in = ModelToneScorer.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("the tone model " + RESOURCE + " is not on the class path");
            }
            return new ModelToneScorer(ToneModel.read(in), lexicon);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the tone model " + RESOURCE, e);
        }
    }

    @Override
    public String version() {
        return "model-" + model.digest + "-" + READING + "+" + lexicon.version();
    }

    @Override
    public Tone score(String text, String language) {
        boolean blend = language != null && BLEND.contains(language);
        return score(text, language, blend, blend || language == null ? 0 : NEUTRAL_BAND);
    }

    /** With the blend as usual and the given neutral band in any language (to measure the band against). */
    Tone withBand(String text, String language, double band) {
        return score(text, language, language != null && BLEND.contains(language), band);
    }

    /** The model's reading alone, without the blend (to measure the blend against). */
    Tone model(String text, String language) {
        return score(text, language, false, 0);
    }

    private Tone score(String text, String language, boolean blend, double band) {
        if (text == null || text.isBlank()) {
            return new Tone(0, List.of(), false);
        }
        List<SentenceTone> sentences = new ArrayList<>();
        double sum = 0;
        int n = 0;
        int start = 0;
        Matcher end = Sentences.matcher(text);
        while (start < text.length()) {
            int stop = Sentences.end(end, text, start);
            String s = text.substring(start, stop);
            if (!s.isBlank()) {
                double lex = lexicon.score(s, language).score();
                ToneModel.Reading r = model.read(s, extras(s, language, lex));
                boolean toned = r.features() > 0 && r.coverage() >= MIN_COVERAGE;
                double read = Math.abs(r.tone()) < band ? 0 : r.tone();
                double tone = !toned ? 0 : round(blend ? Math.max(-1, Math.min(1, read + lex)) : read);
                sentences.add(new SentenceTone(start, stop, tone, toned, lex));
                if (toned) {
                    sum += tone;
                    n++;
                }
            }
            start = stop;
        }
        if (n > 0) {
            return new Tone(round(sum / n), sentences, true);
        }
        Tone fallback = lexicon.score(text, language);
        if (fallback.score() == 0) {
            return new Tone(0, sentences, false);
        }
        // Only the sentences where the lexicon found tone count (for topic tone); the others are unread.
        List<SentenceTone> read = fallback.sentences().stream()
                .map(t -> new SentenceTone(t.start(), t.end(), t.score(), t.score() != 0)).toList();
        return new Tone(fallback.score(), read, true);
    }

    /**
     * What the model reads of a sentence beside its words: the lexicon's reading of it ({@code lexicon}, its
     * score) and, in Russian, the RuSentiFrames frames of its predicates ({@link Frames}). Training uses the same.
     */
    static List<String> extras(String sentence, String language, double lexicon) {
        List<String> lex = lexiconFeatures(lexicon);
        if (!"ru".equals(language)) {
            return lex;
        }
        List<String> frames = RussianFrames.FRAMES.of(sentence);
        if (frames.isEmpty()) {
            return lex;
        }
        List<String> out = new ArrayList<>(lex.size() + frames.size());
        out.addAll(lex);
        out.addAll(frames);
        return out;
    }

    /** Read on first use. */
    private static final class RussianFrames {
        static final Frames FRAMES = Frames.shipped();
    }

    /**
     * What the lexicon makes of a sentence ({@code score}), as features the model weighs like any other
     * (learnt from the training data): the sign and strength of the score, or that it found nothing.
     */
    static List<String> lexiconFeatures(double score) {
        if (score == 0) {
            return List.of("lex0");
        }
        String sign = score > 0 ? "lex+" : "lex-";
        double a = Math.abs(score);
        return a > 0.6 ? List.of(sign, sign + "2", sign + "3") : a > 0.3 ? List.of(sign, sign + "2") : List.of(sign);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
