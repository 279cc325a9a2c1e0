package tyndau.language;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

class KazakhAnalyzerTest {
    private static final KazakhAnalyzer ANALYZER = new KazakhAnalyzer();

    static List<String> tokens(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("f", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) {
                out.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    static String stem(String word) {
        List<String> t = tokens(ANALYZER, word);
        assertEquals(1, t.size(), () -> word + " -> " + t);
        return t.get(0);
    }

    static void assertConflated(String base, String... forms) {
        String expected = stem(base);
        for (String form : forms) {
            assertEquals(expected, stem(form), () -> form + " should stem like " + base);
        }
    }

    @Test
    void conflatesInflectedFormsWithTheirBase() {
        assertConflated("Ресей", "Ресейдің", "Ресейге", "Ресейден", "Ресеймен", "Ресейде", "Ресейдегі");
        assertConflated("Қытай", "Қытайдың", "Қытайға", "Қытаймен", "Қытайдан", "Қытайда");
        assertConflated("Түркия", "Түркияға", "Түркияның", "Түркиядан", "Түркияда");
        assertConflated("Украина", "Украинаға", "Украинаның", "Украинадағы", "Украинадан");
        assertConflated("Шыңжаң", "Шыңжаңда", "Шыңжаңдағы", "Шыңжаңның");
        assertConflated("Қазақстан", "Қазақстанның", "Қазақстанға", "Қазақстанда", "Қазақстаннан");
        assertConflated("көмек", "көмегі", "көмекті");
        assertConflated("сілкініс", "сілкінісі", "сілкінісінен");
        assertEquals(List.of("жер", "сілкініс"), tokens(ANALYZER, "жер сілкінісі"));
    }

    @Test
    void conflatesPluralPossessiveAndStackedEndings() {
        assertConflated("бала", "балалар", "балаларға", "баласы", "баласының", "балаларын");
        assertConflated("облыс", "облысы", "облысында", "облыстағы", "облыстарының");
        assertConflated("ел", "елдер", "елдің", "еліміз", "елімізде", "еліміздегі");
        assertConflated("басшы", "басшысы", "басшылары", "басшысымен");
        assertConflated("теңге", "теңгені", "теңгеден", "теңгеге");
        assertConflated("халық", "халқы", "халқының", "халықтың");
        assertConflated("аудан", "ауданы", "ауданында", "аудандары");
        assertConflated("Алматы", "Алматыда", "Алматының", "Алматыны", "Алматыдағы");
    }

    @Test
    void keepsUnrelatedWordsApart() {
        assertNotEquals(stem("Ресей"), stem("Ресми"));
        assertNotEquals(stem("Қытай"), stem("Қыт"));
        assertNotEquals(stem("Түрік"), stem("Түркия"));
        assertNotEquals(stem("ел"), stem("елші"));
        assertNotEquals(stem("ел"), stem("елшісі"));
        assertNotEquals(stem("тең"), stem("теңге"));
        assertNotEquals(stem("он"), stem("оның"));
        assertNotEquals(stem("жылқы"), stem("жылғы"));
        assertNotEquals(stem("сау"), stem("сауда"));
        assertEquals("орта", stem("орта"));
    }

    @Test
    void leavesShortWordsAlone() {
        assertEquals("ел", stem("Ел"));
        assertEquals("үй", stem("үй"));
        assertEquals("ас", stem("ас"));
        assertEquals("он", stem("Он"));
        // A suffix is never stripped down to fewer than three letters, bar a few listed roots:
        // басы is бас + ы (not ба + сы), оны (him) is not он (ten) + ы.
        assertEquals("бас", stem("басы"));
        assertEquals("оны", stem("оны"));
        assertEquals("ел", stem("елде"));
    }

    @Test
    void onlyLowerCasesLatinWordsAndNumbers() {
        assertEquals(List.of("nato", "reuters", "stations", "covid", "19", "2023", "x5"),
                tokens(ANALYZER, "NATO Reuters Stations COVID-19 2023 X5"));
    }

    @Test
    void dropsCommonFunctionWords() {
        assertEquals(List.of("ресей", "қытай"), tokens(ANALYZER, "Бұл Ресей мен Қытай және"));
    }

    @Test
    void analysesASentence() {
        assertEquals(
                List.of("қазақстан", "президент", "қытай", "сыртқ", "іс", "министр", "кездесіп", "екі", "ел", "ара",
                        "сауда", "ресей", "жағдай", "талқыла"),
                tokens(ANALYZER, "Қазақстан Президенті Қытайдың сыртқы істер министрімен кездесіп, екі ел арасындағы "
                        + "сауда және Ресейдегі жағдайды талқылады."));
        assertEquals(List.of("түркия", "болған", "жер", "сілкініс", "кейін", "қазақстан", "құтқарушы", "жіберіл"),
                tokens(ANALYZER, "Түркияда болған жер сілкінісінен кейін Қазақстаннан құтқарушылар жіберілді."));
    }

    @Test
    void respectsTheStemExclusionSet() {
        KazakhAnalyzer analyzer = new KazakhAnalyzer(KazakhAnalyzer.getDefaultStopSet(), new CharArraySet(List.of("ресейде"), false));
        assertEquals(List.of("ресейде", "ресей"), tokens(analyzer, "Ресейде Ресейден"));
    }

    @Test
    void lowerCasesWildcardAndPrefixTerms() throws Exception {
        assertEquals("ресей*", ANALYZER.normalize("f", "РЕСЕЙ*").utf8ToString());
        QueryParser parser = new QueryParser("f", ANALYZER);
        Query prefix = parser.parse("Ресейд*");
        assertEquals("f:ресейд*", prefix.toString());
        Query wildcard = parser.parse("Қыт?й*");
        assertEquals("f:қыт?й*", wildcard.toString());
        assertEquals("f:ресей", parser.parse("Ресейдегі").toString());
    }

    /**
     * On KazNERD (IOB2, one "token TAG" per line, blank lines between sentences), every token tagged
     * as a location or GPE that starts with a country's name must stem like the bare name.
     */
    @Test
    void conflatesCountryNamesInKazNerd() throws IOException {
        Path dir = tyndau.ReferenceData.require("language/kaznerd");
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.getFileName().toString().startsWith("IOB2") && p.toString().endsWith(".txt")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no IOB2 files in " + dir.toAbsolutePath());

        Map<String, int[]> byCountry = new LinkedHashMap<>(); // base -> {seen, conflated}
        for (String base : List.of("Ресей", "Қытай", "Түркия", "Украина")) {
            byCountry.put(base, new int[2]);
        }
        List<String> misses = new ArrayList<>();
        for (Path file : files) {
            try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                for (String line; (line = r.readLine()) != null; ) {
                    String[] parts = line.trim().split("\\s+");
                    if (parts.length < 2) {
                        continue;
                    }
                    String tag = parts[parts.length - 1];
                    if (!(tag.endsWith("-GPE") || tag.endsWith("-LOCATION"))) {
                        continue;
                    }
                    String token = parts[0].toLowerCase(Locale.ROOT);
                    for (Map.Entry<String, int[]> e : byCountry.entrySet()) {
                        if (token.startsWith(e.getKey().toLowerCase(Locale.ROOT))) {
                            e.getValue()[0]++;
                            if (tokens(ANALYZER, parts[0]).equals(List.of(stem(e.getKey())))) {
                                e.getValue()[1]++;
                            } else {
                                misses.add(parts[0] + " -> " + tokens(ANALYZER, parts[0]));
                            }
                        }
                    }
                }
            }
        }
        StringBuilder report = new StringBuilder("KazNERD country conflation:");
        byCountry.forEach((base, n) -> report.append(String.format(Locale.ROOT, " %s %d/%d (%.1f%%);", base, n[1], n[0],
                n[0] == 0 ? 0.0 : 100.0 * n[1] / n[0])));
        System.out.println(report + (misses.isEmpty() ? "" : " misses: " + misses));
        byCountry.forEach((base, n) -> {
            assertTrue(n[0] > 0, "no " + base + " tokens in KazNERD");
            assertTrue(n[1] >= 0.95 * n[0], base + ": " + n[1] + "/" + n[0] + " conflated, misses " + misses);
        });
    }
}
