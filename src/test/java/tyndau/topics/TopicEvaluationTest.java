package tyndau.topics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.apache.lucene.index.memory.MemoryIndex;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tyndau.ReferenceData;
import tyndau.index.Analyzers;
import tyndau.index.IndexSchema;
import tyndau.index.QueryLanguage;
import tyndau.document.DocumentRow;

/**
 * How well the default topics of feeds/topics.yml find the countries they name, measured on text
 * nobody here wrote (KazNERD, RuSentNE under ../shared/data; skipped, naming the file, when absent), and their
 * precision on sentences the project labelled (src/test/resources/topics/precision.tsv).
 */
class TopicEvaluationTest {
    static final Map<String, Query> TOPICS = new LinkedHashMap<>();

    @BeforeAll
    static void loadTopics() throws Exception {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Path.of("feeds", "topics.yml").toFile());
        for (JsonNode t : root.get("topics")) {
            TOPICS.put(t.get("id").asText(), QueryLanguage.parse(t.get("query").asText(), false));
        }
    }

    static boolean matches(String topic, String text, String lang) {
        DocumentRow row = new DocumentRow(1, 1, "eval", "social", "public", lang, null, null, null, text, "");
        MemoryIndex mi = MemoryIndex.fromDocument(IndexSchema.toLucene(row), Analyzers.PER_FIELD);
        return mi.search(TOPICS.get(topic)) > 0;
    }

    record Case(String text, String topic) {
    }

    static final Map<String, Pattern> KAZAKH = Map.of(
            "russia", Pattern.compile("^ресей", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            "china", Pattern.compile("^қытай", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            "turkey", Pattern.compile("^түркия", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            "ukraine", Pattern.compile("^украина", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));

    static final Map<String, Pattern> RUSSIAN = Map.of(
            "russia", Pattern.compile("^(росси|российск|рф$)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            "china", Pattern.compile("^(кита|кнр$)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            "turkey", Pattern.compile("^(турци|турецк)", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE),
            "ukraine", Pattern.compile("^украин", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));

    /** KazNERD: sentences where a GPE or NORP token names one of the four countries, in any inflection. */
    static List<Case> kazakhCases(Path iob2) throws IOException {
        List<Case> out = new ArrayList<>();
        List<String> tokens = new ArrayList<>();
        List<String[]> tagged = new ArrayList<>();
        for (String line : Files.readAllLines(iob2, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                flushKazakh(tokens, tagged, out);
                continue;
            }
            String[] parts = line.trim().split("\\s+");
            tokens.add(parts[0]);
            if (parts.length > 1 && (parts[1].endsWith("-GPE") || parts[1].endsWith("-NORP"))) {
                tagged.add(parts);
            }
        }
        flushKazakh(tokens, tagged, out);
        return out;
    }

    private static void flushKazakh(List<String> tokens, List<String[]> tagged, List<Case> out) {
        String sentence = String.join(" ", tokens);
        for (Map.Entry<String, Pattern> e : KAZAKH.entrySet()) {
            if (tagged.stream().anyMatch(t -> e.getValue().matcher(t[0]).find())) {
                out.add(new Case(sentence, e.getKey()));
            }
        }
        tokens.clear();
        tagged.clear();
    }

    /** RuSentNE: sentences with a COUNTRY entity naming one of the four countries. */
    static List<Case> russianCases(Path csv) throws IOException {
        List<Case> out = new ArrayList<>();
        Set<String> seen = new java.util.HashSet<>();
        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length < 3 || !f[2].equals("COUNTRY")) {
                continue;
            }
            for (Map.Entry<String, Pattern> e : RUSSIAN.entrySet()) {
                if (e.getValue().matcher(f[1].trim()).find() && seen.add(e.getKey() + "\n" + f[0])) {
                    out.add(new Case(f[0], e.getKey()));
                }
            }
        }
        return out;
    }

    static Map<String, double[]> recall(List<Case> cases, String lang) {
        Map<String, double[]> byTopic = new TreeMap<>();
        for (Case c : cases) {
            double[] r = byTopic.computeIfAbsent(c.topic(), k -> new double[2]);
            r[1]++;
            if (matches(c.topic(), c.text(), lang)) {
                r[0]++;
            } else if (r[1] - r[0] <= 3) {
                System.out.printf("  missed (%s, %s): %s%n", lang, c.topic(), c.text().length() > 160 ? c.text().substring(0, 160) : c.text());
            }
        }
        return byTopic;
    }

    static void report(String name, Map<String, double[]> byTopic) {
        byTopic.forEach((topic, r) -> System.out.printf("recall %-8s %-8s %4.0f / %4.0f = %.3f%n", name, topic, r[0], r[1], r[0] / r[1]));
    }

    @Test
    void countryTopicsFindKazakhSentencesNamingTheCountry() throws IOException {
        Map<String, double[]> r = recall(kazakhCases(ReferenceData.require("language/kaznerd/IOB2_test.txt")), "kk");
        report("kk", r);
        assertEquals(new java.util.TreeSet<>(KAZAKH.keySet()), r.keySet(), "KazNERD names every country; a missing one is a corpus misread");
        r.forEach((topic, v) -> assertTrue(v[0] / v[1] >= 0.95, "Kazakh recall of " + topic + " is " + v[0] / v[1]));
    }

    @Test
    void countryTopicsFindRussianSentencesNamingTheCountry() throws IOException {
        Map<String, double[]> r = recall(russianCases(ReferenceData.require("sentiment/rusentne/train_data.csv")), "ru");
        report("ru", r);
        assertEquals(new java.util.TreeSet<>(RUSSIAN.keySet()), r.keySet(), "RuSentNE names every country; a missing one is a corpus misread");
        r.forEach((topic, v) -> assertTrue(v[0] / v[1] >= 0.95, "Russian recall of " + topic + " is " + v[0] / v[1]));
    }

    /** Precision (and recall) on sentences the project labelled: lang, expected topics (comma list or -), text. */
    @Test
    void precisionOnTheProjectsLabelledSentences() throws IOException {
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/topics/precision.tsv"), StandardCharsets.UTF_8);
        Map<String, int[]> counts = new TreeMap<>();
        TOPICS.keySet().forEach(t -> counts.put(t, new int[3]));
        int n = 0;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split("\t", 3);
            Set<String> expected = f[1].equals("-") ? Set.of() : Set.of(f[1].split(","));
            n++;
            for (String topic : TOPICS.keySet()) {
                boolean got = matches(topic, f[2], f[0]);
                int[] c = counts.get(topic);
                if (got && expected.contains(topic)) {
                    c[0]++;
                } else if (got) {
                    c[1]++;
                    System.out.printf("  false positive %s: %s%n", topic, f[2]);
                } else if (expected.contains(topic)) {
                    c[2]++;
                    System.out.printf("  false negative %s: %s%n", topic, f[2]);
                }
            }
        }
        System.out.printf("labelled sentences: %d%n", n);
        int tp = 0;
        int fp = 0;
        for (Map.Entry<String, int[]> e : counts.entrySet()) {
            int[] c = e.getValue();
            tp += c[0];
            fp += c[1];
            System.out.printf("precision %-24s %d / %d = %.3f   recall %d / %d%n", e.getKey(), c[0], c[0] + c[1],
                    c[0] + c[1] == 0 ? 1.0 : (double) c[0] / (c[0] + c[1]), c[0], c[0] + c[2]);
        }
        double micro = (double) tp / (tp + fp);
        System.out.printf("precision (micro, all topics) %.3f%n", micro);
        assertTrue(micro >= 0.9, "micro precision " + micro);
    }
}
