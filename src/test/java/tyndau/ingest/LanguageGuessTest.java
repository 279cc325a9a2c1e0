package tyndau.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageGuessTest {

    @Test
    void tellsTheSubjectsLanguagesApart() {
        assertEquals("kk", LanguageGuess.of("Президент Ресейдің сыртқы істер министрімен кездесті").orElseThrow());
        assertEquals("ru", LanguageGuess.of("Президент встретился с министром иностранных дел России").orElseThrow());
        assertEquals("uk", LanguageGuess.of("Президент зустрівся з міністром закордонних справ Європи").orElseThrow());
        assertEquals("en", LanguageGuess.of("The President met the foreign minister of Russia").orElseThrow());
        assertEquals("tr", LanguageGuess.of("Cumhurbaşkanı dışişleri bakanıyla görüştü ve açıklama yaptı").orElseThrow());
    }

    @Test
    void saysNothingAboutTooLittleText() {
        assertTrue(LanguageGuess.of("12:00 — 5%").isEmpty());
        assertTrue(LanguageGuess.of(null).isEmpty());
    }
}
