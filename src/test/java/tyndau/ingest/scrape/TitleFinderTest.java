package tyndau.ingest.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jsoup.Jsoup;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TitleFinderTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "Tokayev meets Xi in Astana | Steppe Times => Tokayev meets Xi in Astana",
        "Токаев встретился с Си Цзиньпином — Степной вестник => Токаев встретился с Си Цзиньпином",
        "Tengrinews.kz - Токаев встретился с Си Цзиньпином => Токаев встретился с Си Цзиньпином",
        "Kazakhstan - Russia => Kazakhstan - Russia",
        "Visa-free travel - what changes for tourists from China and Kazakhstan"
                + " => Visa-free travel - what changes for tourists from China and Kazakhstan",
        "Президент қол қойды » Дала жаңалықтары » Саясат => Президент қол қойды » Дала жаңалықтары",
    })
    void stripsSiteNameFromTitleElementWhenSensible(String title, String expected) {
        String html = "<title>" + title + "</title><h1>a</h1><h1>b</h1>";
        assertEquals(expected, TitleFinder.find(Jsoup.parse(html, "https://tengrinews.kz/x")).orElseThrow().title());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = "=>", value = {
        "Tokayev meets Xi | Steppe Times => Tokayev meets Xi",
        "Tokayev meets Xi | In Pictures => Tokayev meets Xi | In Pictures",
    })
    void ogTitleLosesOnlyTheDeclaredSiteName(String ogTitle, String expected) {
        String html = "<meta property='og:site_name' content='Steppe Times'><meta property='og:title' content='"
                + ogTitle + "'>";
        TitleFinder.Found found = TitleFinder.find(Jsoup.parse(html, "https://steppe.example/x")).orElseThrow();
        assertEquals(expected, found.title());
        assertEquals("og:title", found.from());
    }
}
