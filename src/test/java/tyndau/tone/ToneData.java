package tyndau.tone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Readers for the labelled sets the tone model is trained and measured on (sources, licences and
 * commits: src/main/resources/tone/MODEL.md). Labels: −1 negative, 0 neutral, 1 positive; valence sets
 * keep their mean human rating.
 */
final class ToneData {
    private ToneData() {
    }

    record Item(String text, int label, double valence) {
    }

    /** KazSAnDRA polarity files (CSV with a header; label 0 negative, 1 positive; the original {@code text}). */
    static List<Item> kazSAnDRA(Path file) throws IOException {
        return textAndLabel(file, "text", "label", ToneData::zeroNegativeOnePositive);
    }

    /** zhengissov/kazakh-sentiment (CSV review, sentiment: 0 negative, 1 positive). */
    static List<Item> csvPairs(Path file) throws IOException {
        return textAndLabel(file, "review", "sentiment", ToneData::zeroNegativeOnePositive);
    }

    private static Integer zeroNegativeOnePositive(String label) {
        return label.isBlank() ? null : Integer.parseInt(label) == 1 ? 1 : -1;
    }

    /** A CSV whose header names the text and label columns; rows whose label maps to null are left out. */
    private static List<Item> textAndLabel(Path file, String textColumn, String labelColumn,
                                           java.util.function.Function<String, Integer> labelOf) throws IOException {
        List<List<String>> rows = csv(Files.readString(file, StandardCharsets.UTF_8));
        List<String> header = rows.get(0);
        int text = header.indexOf(textColumn);
        int label = header.indexOf(labelColumn);
        List<Item> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            Integer l = r.size() > Math.max(text, label) ? labelOf.apply(r.get(label).trim()) : null;
            if (l != null) {
                out.add(new Item(r.get(text), l, Double.NaN));
            }
        }
        return out;
    }

    /** RuSentNE (TSV: sentence, entity, tag, start, end, label −1/0/1); one item per row. */
    static List<Item> ruSentNE(Path file) throws IOException {
        List<Item> out = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split("\t");
            if (f.length >= 6) {
                out.add(new Item(f[0], Integer.parseInt(f[5].trim()), Double.NaN));
            }
        }
        return out;
    }

    /** A labelled span of a sentence: the span as an item, and the sentence it was taken from. */
    record Span(String sentence, Item item) {
    }

    /**
     * RuOpinionNE-2024's polar expressions: the words an annotator marked as carrying each opinion ("уволил",
     * "громкий скандал", "в защиту"), with the opinion's polarity (POS positive, NEG negative); the parts of
     * a discontinuous expression joined by a space.
     */
    static List<Span> ruOpinionExpressions(Path file) throws IOException {
        List<Span> out = new ArrayList<>();
        for (JsonNode n : jsonLines(file)) {
            for (JsonNode o : n.get("opinions")) {
                List<String> parts = new ArrayList<>();
                o.path("Polar_expression").path(0).forEach(p -> parts.add(p.asText().trim()));
                String polarity = o.path("Polarity").asText();
                String expression = String.join(" ", parts).trim();
                if (!expression.isEmpty() && (polarity.equals("POS") || polarity.equals("NEG"))) {
                    out.add(new Span(n.get("text").asText(), new Item(expression, polarity.equals("POS") ? 1 : -1, Double.NaN)));
                }
            }
        }
        return out;
    }

    /**
     * RuOpinionNE-2024 (JSON lines: text, opinions each with a POS or NEG polarity): a sentence with no
     * opinion is neutral, with opinions of one polarity that polarity; mixed sentences are left out.
     */
    static List<Item> ruOpinionNE(Path file) throws IOException {
        List<Item> out = new ArrayList<>();
        for (JsonNode n : jsonLines(file)) {
            Set<String> polarities = new java.util.HashSet<>();
            n.get("opinions").forEach(o -> polarities.add(o.get("Polarity").asText()));
            if (polarities.size() <= 1) {
                out.add(new Item(n.get("text").asText(), polarities.contains("POS") ? 1 : polarities.contains("NEG") ? -1 : 0, Double.NaN));
            }
        }
        return out;
    }

    /**
     * CEDR (CSV text, labels, source; labels a list such as {@code [0]} or {@code [1 4]}: 0 joy, 1 sadness,
     * 2 surprise, 3 fear, 4 anger): no emotion is neutral, joy alone positive, only sadness, fear or anger
     * negative; surprise and mixed rows are left out. {@code source}: only the rows of one origin
     * ({@code lenta} news, {@code lj} blogs, {@code twitter}), or all when empty.
     */
    static List<Item> cedr(Path file, String source) throws IOException {
        List<List<String>> rows = csv(Files.readString(file, StandardCharsets.UTF_8));
        List<Item> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() < 3 || !source.isEmpty() && !source.equals(r.get(2).trim())) {
                continue;
            }
            Set<Character> codes = new java.util.HashSet<>();
            r.get(1).chars().filter(Character::isDigit).forEach(c -> codes.add((char) c));
            boolean joy = codes.contains('0');
            boolean sad = codes.contains('1') || codes.contains('3') || codes.contains('4');
            if (codes.isEmpty()) {
                out.add(new Item(r.get(0), 0, Double.NaN));
            } else if (!codes.contains('2') && joy != sad) {
                out.add(new Item(r.get(0), joy ? 1 : -1, Double.NaN));
            }
        }
        return out;
    }

    /** OpenSentimentCorpus (CSV Sentence, Sentiment: neutral, positive, negative, mixed; mixed left out). */
    static List<Item> openSentimentCorpus(Path file) throws IOException {
        return textAndLabel(file, "Sentence", "Sentiment",
                l -> switch (l) {
                    case "positive" -> 1;
                    case "negative" -> -1;
                    case "neutral" -> 0;
                    default -> null;
                });
    }

    /** The objects of a JSON-lines file, blank lines skipped. */
    private static List<JsonNode> jsonLines(Path file) throws IOException {
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                out.add(json.readTree(line));
            }
        }
        return out;
    }

    /** NewsMTSC (JSON lines; each target's polarity 2 negative, 4 neutral, 6 positive); one item per target. */
    static List<Item> newsMtsc(Path file) throws IOException {
        List<Item> out = new ArrayList<>();
        for (JsonNode n : jsonLines(file)) {
            for (JsonNode t : n.get("targets")) {
                double p = t.get("polarity").asDouble();
                out.add(new Item(n.get("sentence_normalized").asText(), p < 3 ? -1 : p > 5 ? 1 : 0, Double.NaN));
            }
        }
        return out;
    }

    /** VADER's ground truth (TSV: id, mean valence −4..4, text); the label is the valence beyond ±{@code neutral}. */
    static List<Item> vaderGroundTruth(Path file, double neutral) throws IOException {
        List<Item> out = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.ISO_8859_1)) {
            String[] f = line.split("\t", 3);
            if (f.length == 3) {
                double v = Double.parseDouble(f[1].trim());
                String text = new String(f[2].strip().getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8);
                out.add(new Item(text, v > neutral ? 1 : v < -neutral ? -1 : 0, v));
            }
        }
        return out;
    }

    /** RuSentiment-scheme CSV (RuSentiTweet, RuSentiment): positive / negative / neutral kept, speech and skip dropped. */
    static List<Item> ruSentimentScheme(Path file) throws IOException {
        return textAndLabel(file, "text", "label", label -> switch (label) {
            case "positive" -> 1;
            case "negative" -> -1;
            case "neutral" -> 0;
            default -> null;
        });
    }

    /**
     * ru-goemotions (Russian machine translation of GoEmotions; CSV ru_text, text, labels "[a b]", id), mapped by
     * GoEmotions' own sentiment groups; a comment whose emotions fall in more than one group (or ambiguous ones) is left out.
     */
    static List<Item> ruGoEmotions(Path file) throws IOException {
        return goEmotions(file, 0);
    }

    /** The English originals of the same comments (GoEmotions, Apache-2.0). */
    static List<Item> enGoEmotions(Path file) throws IOException {
        return goEmotions(file, 1);
    }

    private static List<Item> goEmotions(Path file, int column) throws IOException {
        Set<Integer> positive = Set.of(0, 1, 4, 5, 8, 13, 15, 17, 18, 20, 21, 23);
        Set<Integer> negative = Set.of(2, 3, 9, 10, 11, 12, 14, 16, 19, 24, 25);
        List<List<String>> rows = csv(Files.readString(file, StandardCharsets.UTF_8));
        List<Item> out = new ArrayList<>();
        for (List<String> r : rows.subList(1, rows.size())) {
            if (r.size() < 3) {
                continue;
            }
            Set<Integer> groups = new java.util.HashSet<>();
            for (String id : r.get(2).replaceAll("[\\[\\]]", " ").trim().split("\\s+")) {
                int e = Integer.parseInt(id);
                groups.add(positive.contains(e) ? 1 : negative.contains(e) ? -1 : e == 27 ? 0 : 9);
            }
            if (groups.size() == 1 && !groups.contains(9)) {
                out.add(new Item(r.get(column), groups.iterator().next(), Double.NaN));
            }
        }
        return out;
    }

    /** RFC 4180 CSV: quoted fields may hold commas, quotes and newlines. */
    static List<List<String>> csv(String s) {
        List<List<String>> rows = new ArrayList<>();
        List<String> row = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < s.length() && s.charAt(i + 1) == '"') {
                    f.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    f.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                row.add(f.toString());
                f.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
                    i++;
                }
                row.add(f.toString());
                f.setLength(0);
                rows.add(row);
                row = new ArrayList<>();
            } else {
                f.append(c);
            }
        }
        if (f.length() > 0 || !row.isEmpty()) {
            row.add(f.toString());
            rows.add(row);
        }
        return rows;
    }
}
