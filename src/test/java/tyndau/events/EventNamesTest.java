package tyndau.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Names and lexicon entries meet across Kazakh, Russian and English, in every case form. */
class EventNamesTest {
    @ParameterizedTest
    @ValueSource(strings = {"Тоқаев", "Токаев", "Токаева", "Токаеву", "Токаевым", "Токаеве", "Тоқаевтың", "Тоқаевқа",
        "Тоқаевпен", "Тоқаевты", "Тоқаевтан", "Tokayev", "Tokaev", "TOKAYEV"})
    void tokayevHasOneKeyInEveryScriptAndCase(String word) {
        assertEquals("takav", Names.key(word));
    }

    @Test
    void tokayevPossessiveIsTheName() {
        List<Tokens.Token> tokens = Tokens.of("Tokayev's office said");
        assertEquals("takav", Names.key(tokens.get(0).text()));
    }

    @Test
    void kazakhLettersFoldOntoTheirRussianNeighbours() {
        assertEquals("агкноуухи", Names.fold("ӘҒҚҢӨҰҮҺІ"));
        assertEquals("курылтай", Names.fold("Құрылтай"));
        assertEquals("erdogan", Names.spelling("Erdoğan"));
        assertEquals(Names.spelling("Эрдоган"), Names.spelling("Ердоған"));
    }

    @ParameterizedTest
    @CsvSource({
        "Қасым, Kassym", "Касым, Kassym", "Жомарт, Jomart", "Жомарт, Zhomart", "Ахметжанов, Akhmetzhanov",
        "Смадьяров, Smadiyarov", "Цзиньпин, Jinping", "Шанфу, Shangfu", "Си, Xi", "Синьцзян, Xinjiang",
        "Цинь, Qin", "Макрон, Macron", "Блинкен, Blinken", "Зеленский, Zelenskyy", "Мирзиёев, Mirziyoyev",
        "Мирзиеев, Mirziyoyev", "Кулубаев, Kulubaev", "Жұманғарин, Zhumangarin", "Жумангарин, Zhumangarin"})
    void transliterationMeetsTheEnglishSpelling(String cyrillic, String latin) {
        assertEquals(Names.spelling(latin).substring(0, Math.min(5, Names.spelling(latin).length())),
                Names.spelling(cyrillic).substring(0, Math.min(5, Names.spelling(cyrillic).length())), cyrillic + " / " + latin);
    }

    @Test
    void aShortStemWithACaseEndingAlsoGivesTheBareName() {
        assertTrue(Names.keys("Асадқа", Names.KEY_LENGTH).contains(Names.key("Assad")));
        assertTrue(Names.keys("Иранға", Names.KEY_LENGTH).contains(Names.key("Iran")));
    }

    @Test
    void differentSurnamesKeepDifferentKeys() {
        assertNotEquals(Names.key("Лавров"), Names.key("Оверчук"));
        assertNotEquals(Names.key("Kulubaev"), Names.key("Saidov"));
        assertNotEquals(Names.key("Путин"), Names.key("Песков"));
    }

    @Test
    void tooShortForAKey() {
        assertNull(Names.key("Ли"));
    }

    /** The lexicon's job: spellings transliteration cannot join. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "g:beijing|Бейжіңде|Пекине|Beijing",
        "g:china|Қытайдың|Китая|China",
        "g:china|ҚХР|КНР|Chinese",
        "g:russia|Ресейге|России|Russia",
        "g:russia|ресейлік|российской|Russian",
        "g:turkey|Түркияға|Турции|Türkiye",
        "g:turkey|түрік|турецкой|Turkey",
        "g:astana|Нұр-Сұлтанда|Астане|Nur-Sultan",
        "g:almaty|Алматыдағы|Алматы|Almaty",
        "g:xinjiang|Шыңжаңда|Синьцзяне|Xinjiang",
        "o:un|БҰҰ|ООН|UN",
        "c:ministry|министрлігі|министерство|ministry",
        "c:foreign-ministry|Сыртқы істер министрлігі|МИД|foreign ministry",
        "c:protest|наразылық|протеста|protest",
        "c:protest|митингісі|митинг|rally",
        "c:aid|көмек|помощь|aid",
        "c:visa-free|визасыз|безвизовый|visa-free",
        "c:consulate|консулдығы|консульства|consulate",
        "c:earthquake|жер сілкінісінен|землетрясения|earthquake"})
    void theLexiconJoinsWhatTransliterationCannot(String id, String kk, String ru, String en) {
        Fingerprinter f = new Fingerprinter(EventParameters.defaults());
        for (String[] text : new String[][] {{"kk", kk}, {"ru", ru}, {"en", en}}) {
            EventFingerprint fp = f.fingerprint(new Report("x", text[0], OffsetDateTime.parse("2023-02-08T10:00:00+06:00"), "s",
                    ReportSide.PUBLIC, "", "Бүгін және " + text[1] + " туралы."));
            assertTrue(fp.names().contains(id) || fp.concepts().contains(id), text[1] + " → " + fp.names() + fp.concepts());
        }
    }
}
