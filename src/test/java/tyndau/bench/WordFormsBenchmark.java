package tyndau.bench;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.DelegatingAnalyzerWrapper;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.ru.RussianAnalyzer;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.queryparser.classic.QueryParser;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import tyndau.document.DocumentRow;
import tyndau.index.Analyzers;
import tyndau.index.IndexSchema;
import tyndau.index.QueryLanguage;

/**
 * On-demand benchmark (not part of the default test run), issue 26:
 * {@code ./mvnw test -Dtest=WordFormsBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 *
 * <p>Recall and precision of a word typed in its dictionary form, against the documents that truly
 * hold a form of it ({@code bench/word-forms.tsv}: each word's paradigm written by hand as a regular
 * expression), on real text nobody on the team wrote: Russian news sentences (RuSentNE, MIT), Kazakh
 * TV-news sentences (KazNERD test split, CC BY 4.0), English news and blog pages (Mozilla
 * readability's test pages, Apache-2.0), all read from {@code ../shared/data}. Each corpus goes
 * through the index's own schema, analysers and query language into an index on disk. For Russian,
 * the same words are also run against Lucene's Snowball {@link RussianAnalyzer}, the analyser this
 * replaced. Then, in the same run, indexing speed with the Russian lemmatiser beside Snowball.
 */
class WordFormsBenchmark {
    static final Path DATA = tyndau.ReferenceData.ROOT;
    static final String KK = "(?:[лдт][ае]р)?(?:[ыі]?м[ыі]з|[ыі]?ң[ыі]з|[ыі]?м|[ыі]?ң|с?[ыі])?"
            + "(?:н?[ндт][ыі]ң|[ндт][ыі]|н|[гғкқ][ае]|н[ае]|н?[дт][ае]|н?[дт][ае]н|н[ае]н|[мбп][ае]н|н?[дт](?:ағы|егі))?";

    record Word(String lang, String query, Pattern forms, String note) {
    }

    record Score(int truth, int found, int hit) {
        Score plus(Score o) {
            return new Score(truth + o.truth, found + o.found, hit + o.hit);
        }

        double recall() {
            return truth == 0 ? 1 : (double) hit / truth;
        }

        double precision() {
            return found == 0 ? 1 : (double) hit / found;
        }

        @Override
        public String toString() {
            return String.format("recall %.3f (%d/%d), precision %.3f (%d/%d)", recall(), hit, truth, precision(), hit, found);
        }
    }

    @Test
    void measure() throws Exception {
        tyndau.ReferenceData.require("sentiment/rusentne/train_data.csv");
        tyndau.ReferenceData.require("language/kaznerd/IOB2_test.txt");
        tyndau.ReferenceData.require("extraction/readability/test/test-pages");
        List<Word> words = words();
        Map<String, List<String>> corpora = new LinkedHashMap<>();
        corpora.put("ru", russian());
        corpora.put("kk", kazakh());
        corpora.put("en", english());
        speed(corpora.get("ru"));
        for (var c : corpora.entrySet()) {
            String lang = c.getKey();
            List<String> texts = c.getValue();
            List<Word> of = words.stream().filter(w -> w.lang().equals(lang)).toList();
            System.out.printf("%n== %s: %d texts, %d words%n", lang, texts.size(), of.size());
            Path dir = Files.createTempDirectory("word-forms-" + lang);
            try (Directory d = FSDirectory.open(dir)) {
                index(d, lang, texts, Analyzers.PER_FIELD);
                Score all = new Score(0, 0, 0);
                Map<String, Score> byNote = new TreeMap<>();
                try (DirectoryReader r = DirectoryReader.open(d)) {
                    for (Word w : of) {
                        Set<Integer> truth = truth(texts, w.forms());
                        Set<Integer> found = ids(r, QueryLanguage.parse(w.query(), true));
                        Score s = score(truth, found);
                        all = all.plus(s);
                        if (!w.note().isBlank()) {
                            byNote.merge(w.note(), s, Score::plus);
                        }
                        System.out.printf("%-18s %-8s %s%s%n", w.query(), w.note(), s, misses(texts, w.forms(), truth, found));
                    }
                }
                System.out.printf("%s overall (micro): %s%n", lang, all);
                byNote.forEach((note, s) -> System.out.printf("%s %s: %s%n", lang, note, s));
                if (lang.equals("ru")) {
                    System.out.printf("ru with Lucene's Snowball RussianAnalyzer (before): %s%n", snowball(texts, of));
                }
            } finally {
                try (Stream<Path> files = Files.walk(dir)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    /** The forms found where the query found nothing, and the first few false hits, to read by eye. */
    private static String misses(List<String> texts, Pattern forms, Set<Integer> truth, Set<Integer> found) {
        Set<String> missed = new LinkedHashSet<>();
        for (int i : truth) {
            if (!found.contains(i)) {
                Matcher m = forms.matcher(normal(texts.get(i)));
                while (m.find()) {
                    missed.add(m.group());
                }
            }
        }
        List<String> extra = new ArrayList<>();
        for (int i : found) {
            if (!truth.contains(i) && extra.size() < 2) {
                String t = texts.get(i);
                extra.add(t.substring(0, Math.min(80, t.length())).replace('\n', ' '));
            }
        }
        return (missed.isEmpty() ? "" : "  missed " + missed) + (extra.isEmpty() ? "" : "  false " + extra);
    }

    private static Score score(Set<Integer> truth, Set<Integer> found) {
        int hit = 0;
        for (int i : found) {
            if (truth.contains(i)) {
                hit++;
            }
        }
        return new Score(truth.size(), found.size(), hit);
    }

    private static String normal(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace('ё', 'е');
    }

    private static Set<Integer> truth(List<String> texts, Pattern forms) {
        Set<Integer> out = new HashSet<>();
        for (int i = 0; i < texts.size(); i++) {
            if (forms.matcher(normal(texts.get(i))).find()) {
                out.add(i);
            }
        }
        return out;
    }

    private static Set<Integer> ids(DirectoryReader r, Query q) throws IOException {
        IndexSearcher s = new IndexSearcher(r);
        Set<Integer> out = new HashSet<>();
        for (ScoreDoc d : s.search(q, Math.max(1, r.maxDoc())).scoreDocs) {
            out.add(Integer.parseInt(s.storedFields().document(d.doc).get(IndexSchema.ID)));
        }
        return out;
    }

    private static DocumentRow row(int i, String lang, String text) {
        return new DocumentRow(i, i + 1, "bench", "independent_media", "public", lang, Instant.parse("2024-01-01T00:00:00Z"),
                null, null, text, "");
    }

    private static void index(Directory d, String lang, List<String> texts, Analyzer analyzer) throws IOException {
        try (IndexWriter w = new IndexWriter(d, new IndexWriterConfig(analyzer))) {
            for (int i = 0; i < texts.size(); i++) {
                w.addDocument(IndexSchema.toLucene(row(i, lang, texts.get(i))));
            }
        }
    }

    /** The index's analysers with Lucene's Snowball Russian analyser in place of the lemmatiser. */
    private static Analyzer withSnowball() {
        Analyzer snowball = new RussianAnalyzer();
        return new DelegatingAnalyzerWrapper(Analyzer.PER_FIELD_REUSE_STRATEGY) {
            @Override
            protected Analyzer getWrappedAnalyzer(String field) {
                return field.equals(Analyzers.fieldOf("ru")) ? snowball : Analyzers.PER_FIELD;
            }
        };
    }

    private static Score snowball(List<String> texts, List<Word> words) throws Exception {
        Score all = new Score(0, 0, 0);
        try (Directory d = new ByteBuffersDirectory()) {
            Analyzer a = withSnowball();
            index(d, "ru", texts, a);
            try (DirectoryReader r = DirectoryReader.open(d)) {
                for (Word w : words) {
                    QueryParser p = new QueryParser(Analyzers.fieldOf("ru"), a);
                    Query q = new org.apache.lucene.search.BooleanQuery.Builder()
                            .add(p.parse(w.query()), org.apache.lucene.search.BooleanClause.Occur.SHOULD)
                            .add(new QueryParser(IndexSchema.TEXT_ANY, a).parse(w.query()), org.apache.lucene.search.BooleanClause.Occur.SHOULD)
                            .build();
                    all = all.plus(score(truth(texts, w.forms()), ids(r, q)));
                }
            }
        }
        return all;
    }

    /**
     * Analysis alone, then indexing through the schema, with each Russian analyser, same texts, same run.
     * Runs first, before anything else has read these texts: both analysers warm up on the first half
     * of the sentences, and the first timed round reads the second half, whose new words the
     * lemmatiser's cache has not seen (as a running service meets new words); later rounds re-read it.
     */
    private static void speed(List<String> all) throws IOException {
        Analyzer lemmas = Analyzers.PER_FIELD;
        Analyzer snowball = withSnowball();
        String field = Analyzers.fieldOf("ru");
        List<String> warm = all.subList(0, all.size() / 2);
        List<String> texts = all.subList(all.size() / 2, all.size());
        analyse(lemmas, field, warm);
        analyse(snowball, field, warm);
        for (Analyzer a : List.of(lemmas, snowball)) {
            try (Directory d = new ByteBuffersDirectory()) {
                index(d, "ru", warm, a);
            }
        }
        for (int round = 0; round < 3; round++) {
            long t0 = System.nanoTime();
            long tokens = analyse(lemmas, field, texts);
            long t1 = System.nanoTime();
            long tokensSnowball = analyse(snowball, field, texts);
            long t2 = System.nanoTime();
            double lemmaRate = texts.size() / ((t1 - t0) / 1e9);
            double snowballRate = texts.size() / ((t2 - t1) / 1e9);
            System.out.printf("round %d, analysis of %d Russian sentences: lemmas %.0f texts/s (%d tokens), Snowball %.0f texts/s (%d tokens): %.2fx%n",
                    round + 1, texts.size(), lemmaRate, tokens, snowballRate, tokensSnowball, lemmaRate / snowballRate);
            long i0 = System.nanoTime();
            try (Directory d = new ByteBuffersDirectory()) {
                index(d, "ru", texts, lemmas);
            }
            long i1 = System.nanoTime();
            try (Directory d = new ByteBuffersDirectory()) {
                index(d, "ru", texts, snowball);
            }
            long i2 = System.nanoTime();
            double a = texts.size() / ((i1 - i0) / 1e9);
            double b = texts.size() / ((i2 - i1) / 1e9);
            System.out.printf("round %d, indexing through the schema: lemmas %.0f docs/s, Snowball %.0f docs/s: %.2fx%n", round + 1, a, b, a / b);
        }
    }

    private static long analyse(Analyzer a, String field, List<String> texts) throws IOException {
        long n = 0;
        for (String t : texts) {
            try (TokenStream ts = a.tokenStream(field, t)) {
                ts.reset();
                while (ts.incrementToken()) {
                    n++;
                }
                ts.end();
            }
        }
        return n;
    }

    static List<Word> words() throws IOException {
        List<Word> out = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("src/test/resources/bench/word-forms.tsv"), StandardCharsets.UTF_8)) {
            if (line.startsWith("#") || line.isBlank()) {
                continue;
            }
            String[] f = line.split("\t", -1);
            String forms = f[2].replace("{KK}", KK);
            String note = !f[0].equals("ru") ? "" : Analyzers.inDictionary("ru", f[1]) ? "known" : "unknown";
            out.add(new Word(f[0], f[1], Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + forms + ")(?![\\p{L}\\p{N}])"), note));
        }
        return out;
    }

    /** RuSentNE's sentences, each once (the file has a row per entity). */
    static List<String> russian() throws IOException {
        Set<String> out = new LinkedHashSet<>();
        List<String> lines = Files.readAllLines(DATA.resolve("sentiment/rusentne/train_data.csv"), StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length > 1) {
                out.add(f[0]);
            }
        }
        return new ArrayList<>(out);
    }

    /** KazNERD's test sentences, tokens joined by spaces. */
    static List<String> kazakh() throws IOException {
        List<String> out = new ArrayList<>();
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(DATA.resolve("language/kaznerd/IOB2_test.txt"), StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                if (b.length() > 0) {
                    out.add(b.toString());
                    b.setLength(0);
                }
            } else {
                b.append(b.length() == 0 ? "" : " ").append(line.split(" ")[0]);
            }
        }
        if (b.length() > 0) {
            out.add(b.toString());
        }
        return out;
    }

    /** The text of readability's expected pages that say they are English (or say nothing and read as English). */
    static List<String> english() throws IOException {
        List<String> out = new ArrayList<>();
        Path pages = DATA.resolve("extraction/readability/test/test-pages");
        try (Stream<Path> dirs = Files.list(pages)) {
            for (Path p : dirs.sorted().toList()) {
                Path html = p.resolve("expected.html");
                Path meta = p.resolve("expected-metadata.json");
                if (!Files.exists(html) || !Files.exists(meta)) {
                    continue;
                }
                String lang = new com.fasterxml.jackson.databind.ObjectMapper().readTree(meta.toFile()).path("lang").asText("");
                String text = Jsoup.parse(Files.readString(html, StandardCharsets.UTF_8)).text();
                boolean english = lang.startsWith("en")
                        || (lang.isEmpty() && Pattern.compile("\\bthe\\b").matcher(text.toLowerCase(java.util.Locale.ROOT)).results().count() > 20);
                if (english) {
                    out.add(text);
                }
            }
        }
        return out;
    }
}
