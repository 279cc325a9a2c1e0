package tyndau.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** RuSentiFrames read from the class path and matched on inflected Russian, phrases and negation included. */
class FramesTest {
    static Frames frames;

    @BeforeAll
    static void load() {
        frames = Frames.shipped();
    }

    @Test
    void anInflectedPredicateGivesItsFrame() {
        // "осудить" (to condemn): the agent is against the theme, and it is bad for the theme.
        List<String> f = frames.of("Министерство иностранных дел осудило решение парламента.");
        assertTrue(f.contains("frame a0>a1 neg") && f.contains("frame some neg"), f.toString());
        assertTrue(f.stream().noneMatch(x -> x.startsWith("не ")), f.toString());
    }

    @Test
    void aPhraseIsMatchedWordByWordAndASingleWordOfItIsNot() {
        List<String> phrase = frames.of("Он покончил с собой в тюрьме.");
        assertTrue(phrase.contains("frame state a0 neg"), phrase.toString());
        assertTrue(!frames.of("Он взял с собой книгу.").contains("frame state a0 neg"), frames.of("Он взял с собой книгу.").toString());
    }

    @Test
    void aPredicateAfterNeIsMarkedNegated() {
        List<String> f = frames.of("Правительство не поддержало их.");
        assertTrue(f.contains("не frame a0>a1 pos"), f.toString());
        assertTrue(!f.contains("frame a0>a1 pos"), f.toString());
    }

    @Test
    void nothingInOtherScriptsOrWithoutAPredicate() {
        assertEquals(List.of(), frames.of("The ministry condemned the decision."));
        assertEquals(List.of(), frames.of(""));
        assertEquals(List.of(), frames.of("12 345 — «»"));
    }

    @Test
    void onlyRussianSentencesGetFrameFeatures() {
        String sentence = "Министерство осудило решение.";
        assertTrue(ModelToneScorer.extras(sentence, "ru", 0).contains("frame a0>a1 neg"));
        assertEquals(ModelToneScorer.lexiconFeatures(0), ModelToneScorer.extras(sentence, "kk", 0));
        assertEquals(ModelToneScorer.lexiconFeatures(0.5), ModelToneScorer.extras(sentence, null, 0.5));
    }
}
