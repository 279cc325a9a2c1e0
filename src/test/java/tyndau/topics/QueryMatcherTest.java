package tyndau.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import tyndau.index.Analyzers;
import tyndau.index.DocumentTerms;
import tyndau.index.IndexSchema;
import tyndau.index.QueryLanguage;
import tyndau.document.DocumentRow;

/**
 * A compiled topic query must answer exactly as Lucene does on a MemoryIndex of the same document:
 * every default topic and a set of hand-written queries, over the project's labelled sentences and
 * over random mixtures of them, whole and sentence by sentence.
 */
class QueryMatcherTest {

    static Map<String, String> queries() throws Exception {
        Map<String, String> out = new LinkedHashMap<>();
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Path.of("feeds", "topics.yml").toFile());
        for (JsonNode t : root.get("topics")) {
            out.put(t.get("id").asText(), t.get("query").asText());
        }
        out.put("phrase", "\"жер сілкінісі\" OR \"visa free\" OR \"гуманитарная помощь\"");
        out.put("must-not", "+(Russia Россия Ресей) -(China Китай Қытай)");
        out.put("keyword", "lang:ru AND (Китай OR Россия)");
        out.put("side", "side:public +(помощь OR aid)");
        out.put("range", "published:[2023-01-01 TO 2023-06-30] AND (Turkey OR Турция)");
        out.put("only-negative", "-(Russia)");
        return out;
    }

    static List<String[]> sentences() throws Exception {
        List<String[]> out = new ArrayList<>();
        for (String file : List.of("src/test/resources/topics/precision.tsv", "src/test/resources/tone/labelled-ru.tsv",
                "src/test/resources/tone/labelled-kk.tsv", "src/test/resources/tone/labelled-en.tsv")) {
            for (String line : Files.readAllLines(Path.of(file), StandardCharsets.UTF_8)) {
                String[] f = line.split("\t");
                if (line.startsWith("#") || f.length < 2) {
                    continue;
                }
                String lang = f[0].matches("[a-z]{2}") ? f[0] : file.contains("-ru") ? "ru" : file.contains("-kk") ? "kk" : "en";
                out.add(new String[] {lang, f[f.length - 1]});
            }
        }
        return out;
    }

    @Test
    void compiledTopicsAnswerAsLuceneDoes() throws Exception {
        Map<String, Query> topics = new LinkedHashMap<>();
        for (var e : queries().entrySet()) {
            topics.put(e.getKey(), QueryLanguage.parse(e.getValue(), false));
        }
        List<String[]> sentences = sentences();
        assertTrue(sentences.size() > 100, "labelled sentences found: " + sentences.size());
        Random r = new Random(5);
        int docs = 0;
        int hits = 0;
        for (int i = 0; i < sentences.size() + 300; i++) {
            String lang;
            String title;
            StringBuilder body = new StringBuilder();
            if (i < sentences.size()) {
                lang = sentences.get(i)[0];
                title = sentences.get(i)[1];
            } else {
                // Several sentences in one document: matches across sentences and per-sentence answers differ.
                String[] first = sentences.get(r.nextInt(sentences.size()));
                lang = first[0];
                title = first[1];
                for (int k = 0; k < 4; k++) {
                    body.append(sentences.get(r.nextInt(sentences.size()))[1]).append(' ');
                }
            }
            DocumentRow row = new DocumentRow(i, i, "s" + (i % 3), "independent_media", i % 2 == 0 ? "public" : "government",
                    lang, i % 5 == 0 ? null : Instant.parse("2023-01-01T00:00:00Z").plusSeconds(86_400L * (i % 400)), null, null,
                    title, body.toString().strip());
            DocumentTerms terms = DocumentTerms.of(row);
            MemoryIndex mi = MemoryIndex.fromDocument(IndexSchema.toLucene(row), Analyzers.PER_FIELD);
            for (var t : topics.entrySet()) {
                QueryMatcher m = QueryMatcher.compile(t.getValue()).orElseThrow(() -> new AssertionError(t.getKey() + " did not compile"));
                boolean lucene = mi.search(t.getValue()) > 0;
                assertEquals(lucene, m.matches(terms), t.getKey() + " on [" + lang + "] " + row.text());
                hits += lucene ? 1 : 0;
            }
            docs++;
        }
        assertTrue(hits > 200, "enough matches to mean something: " + hits);
        System.out.printf("QueryMatcher agreed with MemoryIndex on %d documents × %d queries (%d matches)%n", docs, topics.size(), hits);
    }

    @Test
    void aSentenceMatchesOnlyWithTheWordsInsideIt() throws Exception {
        Query q = QueryLanguage.parse("+(Turkey) +(aid)", false);
        QueryMatcher m = QueryMatcher.compile(q).orElseThrow();
        String text = "Turkey was hit.\n\nKazakhstan sends aid to Turkey.";
        DocumentRow row = new DocumentRow(1, 1, "s", "government", "government", "en", null, null, null, "Turkey was hit.",
                "Kazakhstan sends aid to Turkey.");
        DocumentTerms terms = DocumentTerms.of(row);
        assertTrue(m.matches(terms));
        int second = row.text().indexOf("Kazakhstan");
        assertFalse(m.matches(terms, 0, second), "the first sentence names Turkey but no aid");
        assertTrue(m.matches(terms, second, text.length()));
    }

    @Test
    void wildcardsAndSloppyPhrasesAreLeftToLucene() throws Exception {
        assertTrue(QueryMatcher.compile(QueryLanguage.parse("Kazakh*", false)).isEmpty());
        assertTrue(QueryMatcher.compile(QueryLanguage.parse("\"aid Turkey\"~3", false)).isEmpty());
    }
}
