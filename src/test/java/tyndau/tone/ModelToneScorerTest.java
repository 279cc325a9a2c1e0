package tyndau.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped tone model reads informal and code-switched text, and says when it cannot read a text at all. */
class ModelToneScorerTest {
    static ModelToneScorer scorer;

    @BeforeAll
    static void load() {
        scorer = ModelToneScorer.shipped(new LexiconToneScorer());
    }

    static double tone(String text, String lang) {
        ToneScorer.Tone t = scorer.score(text, lang);
        assertTrue(t.toned(), "read: " + text);
        return t.score();
    }

    @Test
    void informalKazakhIsScoredNotZeroed() {
        assertTrue(tone("Өте жақсы қосымша, көп рахмет! 👍", "kk") > 0.1);
        assertTrue(tone("Ең нашар қосымша, ақша кетті, ешнәрсе істемейді", "kk") < -0.1);
    }

    @Test
    void codeSwitchedAndLatinScriptKazakhAreScored() {
        // Kazakh with Russian words, and Kazakh written in Latin letters, as people write reviews and comments.
        assertTrue(tone("Осы приложениеге көп рахмет, очень удобно", "kk") > 0.1);
        assertTrue(tone("Ужас, приложение мүлдем ашылмайды, бәрі тормозит", "kk") < -0.1);
        assertTrue(tone("keremet qosymsha, rahmet", "kk") > 0.1);
    }

    @Test
    void aTextTooShortForALanguageIsReadWithoutTheRussianNeutralBand() {
        // A few letters with no language are a reaction, not a news sentence: the band chosen on Russian news does not apply.
        boolean inBand = false;
        for (String t : List.of("Қалыпты", "Норм", "Так себе", "Керемет!")) {
            assertEquals(null, tyndau.language.Languages.decide(t, null, null), t);
            double raw = scorer.withBand(t, null, 0).score();
            assertEquals(raw, tone(t, null), t);
            inBand |= raw != 0 && Math.abs(raw) < ModelToneScorer.NEUTRAL_BAND;
        }
        assertTrue(inBand, "none of the texts would have been zeroed by the band: the test could not fail");
        assertEquals(0.0, scorer.score("Норм", "ru").score(), "in Russian the band holds");
    }

    @Test
    void russianAndEnglishNewsSentences() {
        assertTrue(tone("Стороны подписали соглашение о сотрудничестве, которое назвали успешным и взаимовыгодным.", "ru") > 0.1);
        assertTrue(tone("В результате обстрела погибли мирные жители, разрушены дома.", "ru") < -0.1);
        assertTrue(tone("The two countries signed a landmark agreement that both leaders praised as a great success.", "en") > 0.1);
        assertTrue(tone("The attack killed dozens of civilians and destroyed the hospital.", "en") < -0.1);
    }

    @Test
    void noSignalIsNotNeutral() {
        ToneScorer.Tone unreadable = scorer.score("გამარჯობა მეგობარო, როგორ ხარ", "und");
        assertFalse(unreadable.toned(), "a script the model never saw");
        assertEquals(0, unreadable.score());
        assertFalse(scorer.score("   ", "en").toned());
        assertTrue(scorer.score("Сегодня в Астане прошло заседание правительства.", "ru").toned(), "a neutral sentence is read");
    }

    @Test
    void sentencesAreScoredOneByOneForTopicTone() {
        ToneScorer.Tone t = scorer.score("The summit was a great success. The bombing killed many people.", "en");
        assertEquals(2, t.sentences().size());
        assertTrue(t.sentences().get(0).score() > 0 && t.sentences().get(1).score() < 0, t.toString());
    }

    /** The project's own labelled sentences (news register, short): the model beside the lexicon, same run. */
    @Test
    void onTheProjectsLabelledSentencesTheModelHoldsBesideTheLexicon() throws java.io.IOException {
        LexiconToneScorer lexicon = new LexiconToneScorer();
        for (String lang : new String[] {"en", "kk", "ru"}) {
            java.util.List<ToneEvaluationTest.Labelled> data = ToneEvaluationTest.labelled("labelled-" + lang + ".tsv");
            java.util.List<int[]> model = new java.util.ArrayList<>();
            java.util.List<int[]> lex = new java.util.ArrayList<>();
            for (ToneEvaluationTest.Labelled l : data) {
                double m = scorer.score(l.text(), lang).score();
                double x = lexicon.score(l.text(), lang).score();
                model.add(new int[] {l.label(), m > 0.1 ? 1 : m < -0.1 ? -1 : 0});
                lex.add(new int[] {l.label(), x > 0.1 ? 1 : x < -0.1 ? -1 : 0});
            }
            double mf = ToneEvaluationTest.macroF1(model, -1, 1);
            double lf = ToneEvaluationTest.macroF1(lex, -1, 1);
            System.out.printf("tone model %s (project-labelled, n=%d): F1 positive+negative %.3f, accuracy %.3f; lexicon %.3f, %.3f%n",
                    lang, data.size(), mf, ToneEvaluationTest.accuracy(model), lf, ToneEvaluationTest.accuracy(lex));
            assertTrue(mf > 0.5, lang + ": the model reads the project's sentences too (" + mf + ")");
        }
    }

    @Test
    void theVersionNamesTheModelSoANewModelReScores() {
        assertTrue(scorer.version().startsWith("model-"), scorer.version());
        assertEquals(scorer.version(), ModelToneScorer.shipped(new LexiconToneScorer()).version());
    }
}
