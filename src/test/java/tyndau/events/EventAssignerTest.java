package tyndau.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Online assignment: joining across languages, lookalikes kept apart, merges and their redirects, order, ids. */
class EventAssignerTest {
    private final EventParameters parameters = EventParameters.defaults();
    private final Fingerprinter fingerprinter = new Fingerprinter(parameters);
    private int n;

    private EventFingerprint report(String lang, String published, String source, ReportSide side, String title, String text) {
        return fingerprinter.fingerprint(new Report("r" + (++n), lang, OffsetDateTime.parse(published), source, side, title, text));
    }

    private static EventFingerprint keys(String id, String published, Set<String> names, Set<Quantity> figures) {
        return new EventFingerprint(id, "en", Instant.parse(published), "s-" + id, ReportSide.PUBLIC, names, Set.of(), Set.of(),
                figures, Set.of());
    }

    @Test
    void reportsOfOneShipmentInThreeLanguagesJoinOneEvent() {
        EventAssigner a = new EventAssigner(parameters);
        long ru = a.assign(report("ru", "2023-02-10T08:30:00+06:00", "emer_kz", ReportSide.GOVERNMENT,
                "Казахстан направил в Турцию 100 тонн гуманитарной помощи",
                "Тремя рейсами в Турцию отправлено 100 тонн груза: палатки и одеяла. Груз передадут агентству AFAD в Адане.")).event();
        long kk = a.assign(report("kk", "2023-02-10T10:05:00+06:00", "dala_news", ReportSide.PUBLIC,
                "Түркияға 100 тонна гуманитарлық көмек жіберілді",
                "Қазақстан Түркияға үш ұшақпен 100 тонна ізгілік жүгін жөнелтті. Жүктің ішінде шатырлар мен көрпелер бар.")).event();
        long en = a.assign(report("en", "2023-02-10T17:20:00+06:00", "ca_wire", ReportSide.PUBLIC,
                "Kazakhstan sends 100 tonnes of aid to Turkey",
                "Kazakhstan has dispatched 100 tonnes of humanitarian aid, including tents and blankets, to Adana.")).event();
        assertEquals(ru, kk);
        assertEquals(ru, en);
    }

    @Test
    void twoShipmentsWithDifferentTonnageStayApartInsideTheWindow() {
        EventAssigner a = new EventAssigner(parameters);
        long first = a.assign(report("en", "2023-02-10T10:00:00+06:00", "a", ReportSide.PUBLIC, "Kazakhstan sends 100 tonnes of aid to Turkey",
                "Kazakhstan has sent 100 tonnes of humanitarian aid to earthquake-hit Turkey.")).event();
        long second = a.assign(report("ru", "2023-02-12T10:00:00+06:00", "b", ReportSide.PUBLIC, "Казахстан отправил в Турцию 250 тонн помощи",
                "Казахстан отправил пострадавшей от землетрясения Турции 250 тонн гуманитарной помощи.")).event();
        assertNotEquals(first, second);
        // the same text with the first figure joins: the figure, not the wording, kept them apart
        long again = a.assign(report("ru", "2023-02-12T12:00:00+06:00", "c", ReportSide.PUBLIC, "Казахстан отправил в Турцию 100 тонн помощи",
                "Казахстан отправил пострадавшей от землетрясения Турции 100 тонн гуманитарной помощи.")).event();
        assertEquals(first, again);
    }

    @Test
    void twoProtestsAtOneConsulateWeeksApartAreTwoEvents() {
        EventAssigner a = new EventAssigner(parameters);
        String title = "Пикет у консульства Китая в Алматы";
        String text = "Родственники задержанных в Синьцзяне провели пикет у Генконсульства КНР в Алматы.";
        long first = a.assign(report("ru", "2022-11-28T12:00:00+06:00", "a", ReportSide.PUBLIC, title, text)).event();
        assertEquals(first, a.assign(report("ru", "2022-11-29T12:00:00+06:00", "b", ReportSide.PUBLIC, title, text)).event());
        long later = a.assign(report("ru", "2022-12-19T12:00:00+06:00", "a", ReportSide.PUBLIC, title, text)).event();
        assertNotEquals(first, later);
    }

    @Test
    void visitsByDifferentOfficialsAreTwoEvents() {
        EventAssigner a = new EventAssigner(parameters);
        long overchuk = a.assign(report("ru", "2023-05-22T15:00:00+06:00", "a", ReportSide.PUBLIC, "Вице-премьер России Оверчук прибыл в Астану",
                "Алексей Оверчук провел в Астане переговоры о торговле с казахстанскими коллегами.")).event();
        long lavrov = a.assign(report("ru", "2023-05-23T15:00:00+06:00", "b", ReportSide.PUBLIC, "Министр иностранных дел России Лавров прибыл в Астану",
                "Сергей Лавров провел в Астане переговоры с казахстанскими коллегами.")).event();
        assertNotEquals(overchuk, lavrov);
    }

    @Test
    void aBridgingReportMergesTwoEventsAndTheYoungerIdRedirects() {
        EventAssigner a = new EventAssigner(parameters);
        Assignment left = a.assign(keys("a", "2023-01-01T10:00:00Z", Set.of("n:aaaaa", "n:bbbbb"), Set.of()));
        Assignment right = a.assign(keys("b", "2023-01-01T11:00:00Z", Set.of("n:ccccc", "n:ddddd"), Set.of()));
        assertTrue(left.created() && right.created());
        assertNotEquals(left.event(), right.event());
        Assignment bridge = a.assign(keys("c", "2023-01-01T12:00:00Z", Set.of("n:aaaaa", "n:bbbbb", "n:ccccc", "n:ddddd"), Set.of()));
        assertEquals(left.event(), bridge.event());
        assertEquals(List.of(right.event()), bridge.absorbed());
        assertEquals(left.event(), a.resolve(right.event()));
        assertEquals(Map.of(right.event(), left.event()), a.redirects());
        // the absorbed event's keys now lead to the survivor
        assertEquals(left.event(), a.assign(keys("d", "2023-01-01T13:00:00Z", Set.of("n:ccccc", "n:ddddd"), Set.of())).event());
        assertEquals(1, a.openEvents());
    }

    @Test
    void eventsWhoseTonnagesDifferAreNeverMerged() {
        EventAssigner a = new EventAssigner(parameters);
        Quantity t100 = new Quantity(Quantity.TONNE, 100);
        Quantity t250 = new Quantity(Quantity.TONNE, 250);
        long left = a.assign(keys("a", "2023-01-01T10:00:00Z", Set.of("n:aaaaa", "n:bbbbb"), Set.of(t100))).event();
        long right = a.assign(keys("b", "2023-01-01T11:00:00Z", Set.of("n:ccccc", "n:ddddd"), Set.of(t250))).event();
        Assignment bridge = a.assign(keys("c", "2023-01-01T12:00:00Z", Set.of("n:aaaaa", "n:bbbbb", "n:ccccc", "n:ddddd"), Set.of()));
        assertEquals(List.of(), bridge.absorbed());
        assertNotEquals(a.resolve(left), a.resolve(right));
    }

    @Test
    void aReportArrivingOutOfOrderStillJoinsItsEvent() {
        EventAssigner a = new EventAssigner(parameters);
        long event = a.assign(keys("a", "2023-01-03T10:00:00Z", Set.of("n:aaaaa", "n:bbbbb"), Set.of())).event();
        a.assign(keys("x", "2023-01-04T10:00:00Z", Set.of("n:xxxxx"), Set.of()));
        // published two days before the event's first report, seen after a later one
        assertEquals(event, a.assign(keys("b", "2023-01-01T10:00:00Z", Set.of("n:aaaaa", "n:bbbbb"), Set.of())).event());
    }

    @Test
    void anEventIsForgottenOnceWindowAndLatenessHavePassed() {
        EventAssigner a = new EventAssigner(parameters);
        long event = a.assign(keys("a", "2023-01-01T10:00:00Z", Set.of("n:aaaaa", "n:bbbbb"), Set.of())).event();
        a.assign(keys("x", "2023-01-10T10:00:00Z", Set.of("n:xxxxx"), Set.of()));
        assertEquals(1, a.openEvents());
        // a straggler of the old event, arriving after it was forgotten, starts its own; old ids stay valid
        long late = a.assign(keys("b", "2023-01-02T10:00:00Z", Set.of("n:aaaaa", "n:bbbbb"), Set.of())).event();
        assertNotEquals(event, late);
        assertEquals(event, a.resolve(event));
    }

    @Test
    void candidatesComeFromTheKeysNotFromAScan() {
        // with a threshold no score can miss, a scan would join the first event; the index never offers it
        EventAssigner a = new EventAssigner(parameters.withThreshold(-10, 10));
        long first = a.assign(keys("a", "2023-01-01T10:00:00Z", Set.of("n:aaaaa"), Set.of())).event();
        long second = a.assign(keys("b", "2023-01-01T11:00:00Z", Set.of("n:bbbbb"), Set.of())).event();
        assertNotEquals(first, second);
        assertEquals(first, a.assign(keys("c", "2023-01-01T12:00:00Z", Set.of("n:aaaaa", "n:zzzzz"), Set.of())).event());
    }

    @Test
    void idsAreGivenInOrderFromTheFirstIdAndNeverReused() {
        EventAssigner a = new EventAssigner(parameters, 1000);
        assertEquals(1000, a.assign(keys("a", "2023-01-01T10:00:00Z", Set.of("n:aaaaa", "n:aaaab"), Set.of())).event());
        assertEquals(1001, a.assign(keys("b", "2023-01-01T10:00:00Z", Set.of("n:bbbbb", "n:bbbbc"), Set.of())).event());
        assertEquals(1000, a.assign(keys("c", "2023-01-01T11:00:00Z", Set.of("n:aaaaa", "n:aaaab"), Set.of())).event());
        assertEquals(1002, a.assign(keys("d", "2023-01-01T12:00:00Z", Set.of("n:ccccc", "n:ccccd"), Set.of())).event());
    }

    @Test
    void oneNameInCommonIsNotAHappeningInCommon() {
        EventAssigner a = new EventAssigner(parameters);
        long visit = a.assign(keys("a", "2023-11-01T10:00:00Z", Set.of("g:france", "n:makro", "c:visit"), Set.of())).event();
        assertEquals(visit, a.assign(keys("b", "2023-11-01T12:00:00Z", Set.of("g:france", "n:makro", "c:visit"), Set.of())).event());
        // a French language centre opening in Almaty the next day shares the country only
        assertNotEquals(visit, a.assign(keys("c", "2023-11-02T12:00:00Z", Set.of("g:france", "g:almaty"), Set.of())).event());
    }

    @Test
    void aSecondPicketOfItsOwnDayIsANewEventWhileAReportOfTheFirstJoinsIt() {
        EventAssigner a = new EventAssigner(parameters);
        Set<String> picket = Set.of("g:almaty", "g:china", "g:xinjiang", "c:consulate", "c:protest");
        long monday = a.assign(dated("a", "2023-10-02T06:00:00Z", picket, "2023-10-02")).event();
        assertEquals(monday, a.assign(dated("b", "2023-10-02T09:00:00Z", picket, "2023-10-02")).event());
        // published Thursday and naming Monday: a late report of the first picket
        assertEquals(monday, a.assign(dated("c", "2023-10-05T05:00:00Z", picket, "2023-10-02")).event());
        // published Thursday and naming Thursday: the same consulate, relatives again, another picket
        long thursday = a.assign(dated("d", "2023-10-05T07:00:00Z", picket, "2023-10-05")).event();
        assertNotEquals(monday, thursday);
        assertEquals(thursday, a.assign(dated("e", "2023-10-05T10:00:00Z", picket, "2023-10-05")).event());
        // a report of Thursday's picket that recalls Monday's ("the second in a week") is still Thursday's
        EventFingerprint recalls = new EventFingerprint("f", "en", Instant.parse("2023-10-05T12:00:00Z"), "s-f", ReportSide.PUBLIC, picket,
                Set.of(), Set.of(), Set.of(), Set.of(java.time.LocalDate.parse("2023-10-05"), java.time.LocalDate.parse("2023-10-02")));
        assertEquals(thursday, a.assign(recalls).event());
        assertTrue(a.scoreAgainst(recalls, monday).orElseThrow() < parameters.threshold(), "Monday's picket is no match for it");
    }

    @Test
    void aPeriodOutOfReachOfEverythingSeenIsFarFromIt() {
        EventAssigner a = new EventAssigner(parameters);
        assertFalse(a.farFrom(Instant.parse("2023-01-01T00:00:00Z"), Instant.parse("2023-01-02T00:00:00Z")), "nothing seen yet");
        a.assign(keys("a", "2023-03-01T10:00:00Z", Set.of("n:aaaaa", "n:bbbbb"), Set.of()));
        a.assign(keys("b", "2023-03-10T10:00:00Z", Set.of("n:ccccc", "n:ddddd"), Set.of()));
        assertFalse(a.farFrom(Instant.parse("2023-03-14T00:00:00Z"), Instant.parse("2023-03-20T00:00:00Z")), "within reach of the newest");
        assertFalse(a.farFrom(Instant.parse("2023-02-20T00:00:00Z"), Instant.parse("2023-02-25T00:00:00Z")), "within reach of the oldest");
        assertTrue(a.farFrom(Instant.parse("2024-06-01T00:00:00Z"), Instant.parse("2024-06-30T00:00:00Z")), "a later year");
        assertTrue(a.farFrom(Instant.parse("2019-06-01T00:00:00Z"), Instant.parse("2019-06-30T00:00:00Z")), "an earlier year");
    }

    private static EventFingerprint dated(String id, String published, Set<String> keys, String day) {
        return new EventFingerprint(id, "en", Instant.parse(published), "s-" + id, ReportSide.PUBLIC, keys, Set.of(), Set.of(), Set.of(),
                Set.of(java.time.LocalDate.parse(day)));
    }

    @Test
    void theVersionNamesTheParameters() {
        assertEquals(EventParameters.defaults().version(), EventParameters.defaults().version());
        assertNotEquals(EventParameters.defaults().version(), EventParameters.defaults().withThreshold(0.31, 0.55).version());
        assertNotEquals(EventParameters.defaults().version(), EventParameters.defaults().withoutRoles().version());
        assertTrue(EventParameters.defaults().version().matches("events-[0-9a-f]{12}"));
    }
}
