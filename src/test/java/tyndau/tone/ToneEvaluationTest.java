package tyndau.tone;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tyndau.ReferenceData;

/**
 * How right the tone is, on text nobody here wrote (RuSentNE, skipped, naming the file, without ../shared/data) and on
 * sentences labelled by the project (src/test/resources/tone/), each beside a plain word-count
 * baseline measured in the same run: the same lexicon, exact word forms, no stemming, no negation
 * or intensifiers, label = sign(positive words − negative words).
 */
class ToneEvaluationTest {
    static final double THRESHOLD = 0.1;
    static final Pattern WORD = Pattern.compile("[\\p{L}\\p{M}][\\p{L}\\p{M}\\p{N}'’-]*");
    static LexiconToneScorer scorer;
    static Lexicon lexicon;

    @BeforeAll
    static void load() {
        scorer = new LexiconToneScorer();
        lexicon = new Lexicon();
    }

    record Labelled(int label, String text) {
    }

    static int predict(String text, String lang) {
        double s = scorer.score(text, lang).score();
        return s > THRESHOLD ? 1 : s < -THRESHOLD ? -1 : 0;
    }

    static int baseline(String text, String lang) {
        Map<String, Double> raw = lexicon.surface.get(lang);
        int score = 0;
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            Double w = raw.get(m.group());
            if (w != null) {
                score += w > 0 ? 1 : w < 0 ? -1 : 0;
            }
        }
        return Integer.signum(score);
    }

    /** Macro-F1 over the given classes. */
    static double macroF1(List<int[]> goldPred, int... classes) {
        double sum = 0;
        for (int c : classes) {
            int tp = 0;
            int fp = 0;
            int fn = 0;
            for (int[] gp : goldPred) {
                if (gp[1] == c && gp[0] == c) {
                    tp++;
                } else if (gp[1] == c) {
                    fp++;
                } else if (gp[0] == c) {
                    fn++;
                }
            }
            double p = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double r = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            sum += p + r == 0 ? 0 : 2 * p * r / (p + r);
        }
        return sum / classes.length;
    }

    static double accuracy(List<int[]> goldPred) {
        return goldPred.stream().filter(gp -> gp[0] == gp[1]).count() / (double) goldPred.size();
    }

    static List<Labelled> labelled(String file) throws IOException {
        List<Labelled> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/tone", file), StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 2);
            out.add(new Labelled(Integer.parseInt(f[0].trim()), f[1]));
        }
        return out;
    }

    static void compare(String name, List<Labelled> data, String lang) {
        List<int[]> ours = new ArrayList<>();
        List<int[]> base = new ArrayList<>();
        for (Labelled l : data) {
            ours.add(new int[] {l.label(), predict(l.text(), lang)});
            base.add(new int[] {l.label(), baseline(l.text(), lang)});
        }
        double a = accuracy(ours);
        double b = accuracy(base);
        System.out.printf("tone %-28s n=%4d accuracy %.3f (baseline %.3f, +%.3f); macro-F1 3 classes %.3f (baseline %.3f)%n",
                name, data.size(), a, b, a - b, macroF1(ours, -1, 0, 1), macroF1(base, -1, 0, 1));
        assertTrue(a > b, name + ": the scorer must beat the word-count baseline");
    }

    @Test
    void englishNewsSentencesLabelledByTheProject() throws IOException {
        compare("en (project-labelled)", labelled("labelled-en.tsv"), "en");
    }

    @Test
    void kazakhSentencesLabelledByTheProject() throws IOException {
        compare("kk (project-labelled)", labelled("labelled-kk.tsv"), "kk");
    }

    @Test
    void russianSentencesLabelledByTheProject() throws IOException {
        compare("ru (project-labelled)", labelled("labelled-ru.tsv"), "ru");
    }

    /** RuSentNE: the sentiment of a news sentence towards an entity (−1/0/1). */
    @Test
    void russianNewsTowardsEntitiesRuSentNE() throws IOException {
        Path file = ReferenceData.require("sentiment/rusentne/train_data.csv");
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<int[]> ours = new ArrayList<>();
        List<int[]> base = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length < 6) {
                continue;
            }
            int gold = Integer.parseInt(f[5].trim());
            ours.add(new int[] {gold, predict(f[0], "ru")});
            base.add(new int[] {gold, baseline(f[0], "ru")});
        }
        double f3 = macroF1(ours, -1, 0, 1);
        double f3b = macroF1(base, -1, 0, 1);
        double fpn = macroF1(ours, -1, 1);
        double fpnb = macroF1(base, -1, 1);
        System.out.printf("tone ru RuSentNE n=%d macro-F1 (3 classes) %.3f (baseline %.3f, +%.3f); macro-F1 (pos/neg) %.3f (baseline %.3f, +%.3f); accuracy %.3f (baseline %.3f)%n",
                ours.size(), f3, f3b, f3 - f3b, fpn, fpnb, fpn - fpnb, accuracy(ours), accuracy(base));
        assertTrue(f3 > f3b && fpn > fpnb, "the scorer must beat the word-count baseline on RuSentNE");
    }
}
