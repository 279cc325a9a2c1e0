package tyndau.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What one report's fingerprint holds: names (and what is not a name), figures with units, days named. */
class EventFingerprinterTest {
    private final Fingerprinter fingerprinter = new Fingerprinter(EventParameters.defaults());

    private EventFingerprint read(String lang, String published, String title, String text) {
        return fingerprinter.fingerprint(new Report("r", lang, OffsetDateTime.parse(published), "s", ReportSide.PUBLIC, title, text));
    }

    private EventFingerprint read(String lang, String text) {
        return read(lang, "2023-02-10T12:00:00+06:00", "", text);
    }

    @Test
    void aSentenceStartIsNoNameUnlessTheReportConfirmsIt() {
        EventFingerprint fp = read("ru", "Участники встречи обсудили воду. Вчерашняя встреча прошла в Бишкеке с Кулубаевым.");
        assertTrue(fp.names().contains("n:kalab"), fp.names().toString());
        assertFalse(fp.names().stream().anyMatch(n -> n.startsWith("n:achas") || n.startsWith("n:vchar")), fp.names().toString());
        EventFingerprint confirmed = read("ru", "Кулубаев прилетел. Встречал гостя Нуртлеу, а Кулубаев поблагодарил его.");
        assertTrue(confirmed.names().contains("n:kalab"));
    }

    @Test
    void aSurnameShapedWordCountsEvenAtTheStart() {
        assertTrue(read("ru", "Саидов прибыл в Астану.").names().contains("n:sadav"));
        assertFalse(read("kk", "Олардың арасында төрт бала бар.").names().stream().anyMatch(n -> n.startsWith("n:alar")));
    }

    @Test
    void titlesAndOfficesAreNoNames() {
        EventFingerprint fp = read("en", "He met Foreign Minister Murat Nurtleu and the Deputy Prime Minister on Monday.");
        assertTrue(fp.names().contains("p:nurtleu"));
        assertTrue(fp.names().stream().noneMatch(n -> n.startsWith("n:farag") || n.startsWith("n:manas") || n.startsWith("n:manda")),
                fp.names().toString());
    }

    @Test
    void aTitleCaseHeadlineIsReadLikeSentenceStarts() {
        EventFingerprint fp = read("en", "2023-08-14T18:40:00+06:00", "Kyrgyz Foreign Minister Kulubaev In Astana For Water Talks",
                "Zheenbek Kulubaev met his Kazakh counterpart.");
        assertTrue(fp.names().contains("n:kalab"));
        assertTrue(fp.names().stream().noneMatch(n -> n.equals("n:vatar") || n.equals("n:talks")), fp.names().toString());
    }

    @Test
    void figuresCarryTheirUnitInEveryLanguage() {
        assertEquals(Set.of(new Quantity(Quantity.TONNE, 100)), read("ru", "Отправлено 100 тонн груза.").quantities());
        assertEquals(Set.of(new Quantity(Quantity.TONNE, 100)), read("kk", "Түркияға 100 тонна жүк жіберілді.").quantities());
        assertEquals(Set.of(new Quantity(Quantity.TONNE, 250)), read("kk", "Салмағы 250 тоннаны құрайды.").quantities());
        assertEquals(Set.of(new Quantity(Quantity.TONNE, 1000)), read("en", "It sent 1,000 tonnes of diesel.").quantities());
        assertEquals(Set.of(new Quantity(Quantity.PERSON, 200_000)), read("ru", "Въехали более 200 тысяч граждан.").quantities());
        assertEquals(Set.of(new Quantity(Quantity.PERSON, 200_000)), read("en", "More than 200,000 Russians entered.").quantities());
        assertEquals(Set.of(new Quantity(Quantity.PERSON, 5000)), read("kk", "Петицияға 5000-нан астам адам қол қойған.").quantities());
        assertEquals(Set.of(new Quantity("money:usd", 3.7e9)), read("en", "It pledged $3.7 billion.").quantities());
        assertEquals(Set.of(new Quantity("money:cny", 26e9)), read("ru", "Пекин обещал 26 млрд юаней.").quantities());
        assertEquals(Set.of(new Quantity(Quantity.PERCENT, 80)), read("ru", "Через КТК идет 80% нефти.").quantities());
        assertEquals(Set.of(new Quantity(Quantity.PERCENT, 80)), read("kk", "Мұнайдың 80 пайызы.").quantities());
    }

    @Test
    void yearsOrdinalsAndNumberedNamesAreNoFigures() {
        assertEquals(Set.of(), read("ru", "В 2022 году самолет Ил-76 вылетел на COP27.").quantities());
        assertEquals(Set.of(), read("kk", "БҰҰ Бас Ассамблеясының 77-сессиясында сөйледі.").quantities());
    }

    @Test
    void daysNamedAreReadAgainstThePublicationDay() {
        assertEquals(Set.of(LocalDate.of(2022, 3, 6)), read("ru", "2022-03-07T10:00:00+06:00", "", "Митинг 6 марта прошел спокойно.").dates());
        assertEquals(Set.of(LocalDate.of(2023, 11, 10)), read("kk", "2023-11-10T10:00:00+06:00", "", "10 қарашадан бастап визасыз.").dates());
        assertEquals(Set.of(LocalDate.of(2023, 2, 6)), read("en", "After the February 6 earthquake.").dates());
        assertEquals(Set.of(LocalDate.of(2023, 2, 9)), read("ru", "Вчерашняя акция прошла спокойно.").dates());
        // 10 February 2023 was a Friday; "on Monday" is the 6th
        assertEquals(Set.of(LocalDate.of(2023, 2, 6)), read("en", "The quake struck on Monday.").dates());
        assertEquals(Set.of(LocalDate.of(2022, 12, 28)), read("ru", "2023-01-03T10:00:00+06:00", "", "Указ подписан 28 декабря.").dates());
    }

    @Test
    void partiesArePeopleAndPlacesNotTopics() {
        EventFingerprint fp = read("ru", "Министр обороны Китая Ли Шанфу встретился с Русланом Жаксылыковым в Астане.");
        assertTrue(fp.parties().containsAll(Set.of("g:china", "g:astana", "n:jaksa")), fp.parties().toString());
        assertTrue(fp.parties().stream().noneMatch(p -> p.startsWith("c:")));
    }
}
