package tyndau.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LanguageGuessTest {

    @BeforeAll
    static void loadModels() throws Exception {
        LanguageGuess.preload().toCompletableFuture().get(5, TimeUnit.MINUTES);
        assertTrue(LanguageGuess.modelsReady(), "the language models did not load");
    }

    static String lang(String text) {
        return LanguageGuess.of(text).orElse("none");
    }

    static String letters(String text) {
        return LanguageGuess.byLetters(text).orElse("none");
    }

    @Test
    void tellsTheSubjectsLanguagesApart() {
        for (String[] c : new String[][] {
            {"kk", "Президент Ресейдің сыртқы істер министрімен кездесті"},
            {"ru", "Президент встретился с министром иностранных дел России"},
            {"uk", "Президент зустрівся з міністром закордонних справ Європи"},
            {"en", "The President met the foreign minister of Russia"},
            {"tr", "Cumhurbaşkanı dışişleri bakanıyla görüştü ve açıklama yaptı"},
        }) {
            assertEquals(c[0], lang(c[1]), c[1]);
            assertEquals(c[0], letters(c[1]), "by letters: " + c[1]);
        }
    }

    @Test
    void aNameFromAnotherLanguageDoesNotDecide() {
        assertEquals("en", lang("Erdoğan meets Tokayev in Astana to discuss trade routes"));
        assertEquals("en", lang("Tokayev and Erdoğan sign a strategic partnership agreement in Ankara"));
        assertEquals("ru", lang("Аким Алматы встретился с жителями микрорайона Қарасу и пообещал отремонтировать дороги"));
        assertEquals("ru", lang("В Астане открылся памятник Әлихану Бөкейхану, лидеру движения «Алаш»"));
        assertEquals("kk", lang("Тоқаев Түркия Президенті Ердоғанмен кездесті"));
        assertEquals("tr", lang("Astana'da düzenlenen zirvede Tokayev ve Erdoğan bir araya geldi"));
    }

    @Test
    void headlinesShorterThanASentence() {
        for (String[] c : new String[][] {
            {"kk", "Тоқаев Путинмен кездесті"},
            {"kk", "Астанада саммит басталды"},
            {"kk", "Елорда әкімі жаңа жоба ұсынды"},
            {"kk", "Министр отставкаға кетті"},
            {"ru", "Токаев встретился с Путиным"},
            {"ru", "В Астане начался саммит"},
            {"ru", "Министр ушел в отставку"},
            {"ru", "Сенат одобрил закон"},
            {"uk", "Уряд ухвалив новий бюджет"},
            {"uk", "Зеленський прибув до Астани"},
            {"uk", "Міністр подав у відставку"},
            {"en", "Tokayev meets Putin in Moscow"},
            {"en", "Tenge falls against the dollar"},
            {"tr", "Tokayev Ankara'ya geliyor"},
            {"tr", "Dışişleri Bakanı Astana'da"},
        }) {
            assertEquals(c[0], lang(c[1]), c[1]);
        }
    }

    @Test
    void kazakhAsPeopleWriteItInCommentsAndInLatinLetters() {
        for (String[] c : new String[][] {
            // Kazakh reviews from KazSAnDRA's test file (CC BY 4.0): short, and in the Latin alphabets of 2018 and 2021.
            {"kk", "Óte jaman. Jarnama kóp. Internetsiz oınalmaıdy."},
            {"kk", "Keremet pernetaqta maǵan ásirese latyn álipbıi qatty unad"},
            {"kk", "Sapasy ūnady.Jetkızu qyzmetı jyldam eken. Rahmet dükenge!"},
            {"kk", "Qoldanba ğajap! Qoldanuğa keñes beremın."},
            // Too short for the letter rules of a sentence, but қ, ы and і rule out Ukrainian, and і Russian.
            {"kk", "Жаман, қызық емес"},
            // Latin text without Kazakh's own letters stays what it was.
            {"tr", "Dışişleri Bakanı Astana'da"},
            {"tr", "Astana'da düzenlenen zirvede Tokayev ve Erdoğan bir araya geldi"},
            {"en", "Peña Nieto and Núñez met the Iraqi delegation in Acapulco"},
        }) {
            assertEquals(c[0], lang(c[1]), c[1]);
            if (c[0].equals("kk")) {
                assertEquals(c[0], letters(c[1]), "by letters: " + c[1]);
            }
        }
    }

    @Test
    void ukrainianWithBothShchAndIIsNotTakenForKazakh() {
        // Lingua 1.2.2 alone answers kk for each of these.
        assertEquals("uk", lang("Науковці попереджають, що забруднення повітря взимку перевищує допустимі норми."));
        assertEquals("uk", lang("Вчені зафіксували найвищу температуру повітря за всю історію спостережень."));
        assertEquals("uk", lang("Підвищення тарифів на електроенергію викликало хвилю критики в мережі."));
    }

    @Test
    void lettersAloneKnowTheLettersOnlyOneLanguageWrites() {
        assertEquals("kk", letters("Ол, мысалы, сапрофит есебінде саналады."), "і beside ы is Kazakh");
        assertEquals("uk", letters("Президент провів переговори з прем'єр-міністром у Києві"));
        assertEquals("en", letters("Erdoğan meets Tokayev in Astana to discuss trade routes"), "one ğ is a name");
        assertEquals("tr", letters("Bakan yarın Almanya ve Fransa'yı ziyaret edecek"));
    }

    @Test
    void saysNothingAboutTooLittleText() {
        for (String text : new String[] {null, "", "12:00 — 5%", "Astana", "Ресей", "2024-05-01T10:00:00Z UTC",
            "— · — · —"}) {
            assertEquals(Optional.empty(), LanguageGuess.of(text), String.valueOf(text));
            assertEquals(Optional.empty(), LanguageGuess.byLetters(text), String.valueOf(text));
        }
    }

    @Test
    void saysNothingAboutTextInAnotherScript() {
        assertEquals(Optional.empty(), LanguageGuess.of("中国外交部发言人今天在北京举行例行记者会，回答了关于中亚的问题"));
        assertEquals(Optional.empty(), LanguageGuess.of("وزير الخارجية يلتقي نظيره الكازاخستاني في أستانا اليوم"));
        assertEquals(Optional.empty(), LanguageGuess.of("中国外交部发言人今天在北京举行例行记者会 (Xinhua)"));
    }

    @Test
    void readsOnlyTheOpeningOfALongText() {
        String word = "переговоры ";
        String text = "Министр провёл " + word.repeat(200_000);
        String opening = LanguageGuess.opening(text);
        assertTrue(opening.length() <= LanguageGuess.MAX_CHARS, "length " + opening.length());
        assertTrue(opening.length() > LanguageGuess.MAX_CHARS - word.length(), "length " + opening.length());
        assertTrue(opening.endsWith("переговоры"), "cut inside a word: " + opening.substring(opening.length() - 20));
        long start = System.nanoTime();
        assertEquals("ru", lang(text));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(2), "2 MB of text took over 2 s");
    }

    @Test
    void withoutModelsTheLettersAnswer() {
        String text = "Аким Алматы встретился с жителями микрорайона Қарасу и пообещал отремонтировать дороги";
        assertEquals(LanguageGuess.byLetters(text), LanguageGuess.of(text, null));
        assertEquals("kk", LanguageGuess.of(text, null).orElseThrow(), "letters alone take one Kazakh name for Kazakh");
    }
}
