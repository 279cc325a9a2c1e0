package tyndau.ingest.feeds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CharsetSnifferTest {
    static final String RUSSIAN = "Президент провёл переговоры с председателем КНР о визовом режиме";
    static final String SHORT = "Новости";
    static final String UKRAINIAN = "Міністр закордонних справ України зустрівся з колегою";
    static final String FRENCH = "Le ministre a rencontré son homologue à Astana pour évoquer la coopération économique";
    static final String GERMAN = "Größere Fördermittel für Glasfaser: Außenminister äußert sich";

    @ParameterizedTest
    @CsvSource({
        "RUSSIAN, windows-1251", "RUSSIAN, KOI8-R", "RUSSIAN, ISO-8859-5", "RUSSIAN, IBM866",
        "SHORT, windows-1251", "SHORT, KOI8-R",
        "UKRAINIAN, windows-1251",
        "FRENCH, windows-1252", "GERMAN, windows-1252",
    })
    void guessesTheSetTheTextWasWrittenIn(String sample, String charset) {
        String text = switch (sample) {
            case "RUSSIAN" -> RUSSIAN;
            case "SHORT" -> SHORT;
            case "UKRAINIAN" -> UKRAINIAN;
            case "FRENCH" -> FRENCH;
            default -> GERMAN;
        };
        byte[] bytes = ("<rss><channel><title>" + text + "</title></channel></rss>").getBytes(Charset.forName(charset));
        CharsetSniffer.Guess guess = CharsetSniffer.guess(bytes);
        assertEquals(charset, guess.charset().name());
        assertTrue(guess.confident());
    }

    @Test
    void saysWhenNoCandidateReadsPlausibly() {
        String chinese = "<rss><channel><title>哈萨克斯坦与中国签署免签协定，两国元首举行会谈</title></channel></rss>";
        assertFalse(CharsetSniffer.guess(chinese.getBytes(Charset.forName("GB18030"))).confident());
        assertTrue(CharsetSniffer.guess("<rss/>".getBytes(StandardCharsets.US_ASCII)).confident());
    }
}
