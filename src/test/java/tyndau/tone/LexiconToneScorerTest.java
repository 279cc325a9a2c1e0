package tyndau.tone;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Tone on sentences the project wrote, in English, Russian and Kazakh: polarity, negation, inflection, intensity. */
class LexiconToneScorerTest {
    static LexiconToneScorer scorer;

    @BeforeAll
    static void load() {
        scorer = new LexiconToneScorer();
    }

    static double s(String text, String lang) {
        return scorer.score(text, lang).score();
    }

    @Test
    void english() {
        assertTrue(s("The war killed hundreds of civilians.", "en") < -0.3);
        assertTrue(s("The two countries signed a peace agreement and welcomed the new partnership.", "en") > 0.3);
        assertTrue(s("The ministry did not support the proposal.", "en") < 0, "negated support");
        assertTrue(s("Officials were deeply concerned.", "en") < s("Officials were concerned.", "en"), "intensifier");
        assertEquals(0.0, s("The committee meets on Tuesday at ten.", "en"));
    }

    @Test
    void russianInflectedFormsAndNegation() {
        assertTrue(s("Война и обстрелы привели к гибели сотен людей.", "ru") < -0.3);
        assertTrue(s("Казахстан направил гуманитарную помощь пострадавшим.", "ru") > 0, "помощь → помощью/помощи");
        assertTrue(s("Страны подписали соглашение о сотрудничестве.", "ru") > 0.3);
        assertTrue(s("Министр не поддержал это решение.", "ru") < 0, "не поддержал");
        assertTrue(s("Ситуация на границе крайне тревожная.", "ru") < s("Ситуация на границе тревожная.", "ru"), "крайне");
    }

    @Test
    void kazakhInflectedFormsAndNegation() {
        assertTrue(s("Соғыс салдарынан көптеген адам қаза тапты.", "kk") < -0.3);
        assertTrue(s("Қазақстан Түркияға гуманитарлық көмек жіберді.", "kk") > 0, "көмек");
        assertTrue(s("Министрлік бұл шешімді қолдамады.", "kk") < 0, "қолдамады: negated verb ending");
        assertTrue(s("Бұл жақсы жаңалық емес.", "kk") < 0, "емес after the word");
        assertTrue(s("Тараптар ынтымақтастық туралы келісімге қол қойды.", "kk") > 0.3);
    }

    @Test
    void sentenceScoresAreReportedWithTheirSpans() {
        String text = "The earthquake destroyed the city. Volunteers delivered aid and hope.";
        ToneScorer.Tone t = scorer.score(text, "en");
        assertEquals(2, t.sentences().size());
        assertTrue(t.sentences().get(0).score() < 0);
        assertTrue(t.sentences().get(1).score() > 0);
        assertTrue(text.substring(t.sentences().get(1).start(), t.sentences().get(1).end()).startsWith("Volunteers"));
        assertTrue(t.score() >= -1 && t.score() <= 1);
    }

    @Test
    void initialsAndAbbreviationsDoNotEndASentence() {
        assertEquals(List.of("Президент Н. А. Назарбаев поздравил казахстанцев с праздником. ", "Затем он уехал в г. Астана."),
                sentences("Президент Н. А. Назарбаев поздравил казахстанцев с праздником. Затем он уехал в г. Астана.", "ru"));
        assertEquals(List.of("В залив вылилось 60 тыс. баррелей нефти, ущерб оценили в 4 млрд. долларов! ", "Виновных ищут."),
                sentences("В залив вылилось 60 тыс. баррелей нефти, ущерб оценили в 4 млрд. долларов! Виновных ищут.", "ru"));
        assertEquals(List.of("Prof. J. Smith praised the deal. ", "«Браво!» ", "Then he left…\n", "A new line"),
                sentences("Prof. J. Smith praised the deal. «Браво!» Then he left…\nA new line", "en"));
        assertEquals(List.of("Виноват не я. ", "Кризис начался в 2008г. ", "Потом пришёл рост."),
                sentences("Виноват не я. Кризис начался в 2008г. Потом пришёл рост.", "ru"));
    }

    static List<String> sentences(String text, String lang) {
        return scorer.score(text, lang).sentences().stream().map(t -> text.substring(t.start(), t.end())).toList();
    }
}
