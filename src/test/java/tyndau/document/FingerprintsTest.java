package tyndau.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FingerprintsTest {
    static final String STORY = "Президент Казахстана Касым-Жомарт Токаев провел телефонный разговор с председателем КНР Си Цзиньпином. "
            + "Стороны обсудили взаимную отмену визовых требований для граждан двух стран, развитие транзитных коридоров, "
            + "торговлю сельскохозяйственной продукцией и сотрудничество в энергетике. Глава государства отметил, что "
            + "безвизовый режим укрепит деловые и гуманитарные связи, а также туристический обмен между странами. "
            + "Соглашение вступит в силу после завершения внутригосударственных процедур.";

    @Test
    void aSyndicatedCopyWithADatelineAndACreditIsClose() {
        long[] original = Fingerprints.minhash(STORY, 30);
        long[] copy = Fingerprints.minhash("АСТАНА, 10 ноября. KAZINFORM — " + STORY + " Фото: Акорда.", 30);
        double j = Fingerprints.similarity(original, copy);
        assertTrue(j >= 0.7, "similarity " + j);
        int[] a = Fingerprints.bands(original);
        int[] b = Fingerprints.bands(copy);
        boolean shared = false;
        for (int i = 0; i < a.length; i++) {
            shared |= a[i] == b[i];
        }
        assertTrue(shared, "a copy is found through at least one band");
    }

    @Test
    void aDifferentStoryOnTheSameTopicIsFar() {
        long[] a = Fingerprints.minhash(STORY, 30);
        long[] b = Fingerprints.minhash("Министерство иностранных дел Казахстана сообщило, что с 10 ноября граждане страны смогут "
                + "находиться на территории Китая без визы до тридцати дней. Режим распространяется на туристические и деловые поездки, "
                + "а также на транзит через аэропорты. Для работы и учебы по-прежнему потребуется виза. В ведомстве напомнили, "
                + "что пограничники могут запросить обратный билет и подтверждение бронирования гостиницы.", 30);
        assertTrue(Fingerprints.similarity(a, b) < 0.3, "similarity " + Fingerprints.similarity(a, b));
    }

    @Test
    void shortTextsAreNotJudged() {
        assertEquals(null, Fingerprints.minhash("Погода в Астане: снег и ветер.", 30));
        assertEquals(null, Fingerprints.minhash(null, 30));
    }

    @Test
    void titleKeysFoldCasePunctuationAndSpacing() {
        assertEquals(Fingerprints.titleKey("МИД провел брифинг по текущим вопросам"),
                Fingerprints.titleKey("  мид провёл брифинг — по текущим вопросам!"));
        assertNotEquals(Fingerprints.titleKey("МИД провел брифинг (12.03.2023)"), Fingerprints.titleKey("МИД провел брифинг (19.03.2023)"));
        assertEquals(null, Fingerprints.titleKey(" — "));
    }

    @Test
    void signaturesSurviveStorage() {
        long[] sig = Fingerprints.minhash(STORY, 30);
        org.junit.jupiter.api.Assertions.assertArrayEquals(sig, Fingerprints.decode(Fingerprints.encode(sig)));
        assertEquals(null, Fingerprints.decode("abc"));
    }
}
