package tyndau.tone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The project's tone lexicons ({@code src/main/resources/tone/}, README beside them): per language,
 * stemmed word → weight in [-1, 1]; and the modifiers (negators, intensifiers, diminishers,
 * Kazakh negative verb endings) as multipliers.
 */
final class Lexicon {
    static final String[] LANGUAGES = {"en", "ru", "kk"};

    /** Per language: stem (and surface form) → weight. */
    final Map<String, Map<String, Double>> weights = new HashMap<>();
    /** Per language: the entries as written (for the word-count baseline of the evaluation). */
    final Map<String, Map<String, Double>> surface = new HashMap<>();
    /** Per language: surface word → multiplier, by kind. */
    final Map<String, Map<String, Double>> negators = new HashMap<>();
    final Map<String, Map<String, Double>> intensifiers = new HashMap<>();
    final Map<String, Map<String, Double>> diminishers = new HashMap<>();
    /** Kazakh negative verb endings → multiplier. */
    final Map<String, Double> negativeSuffixes = new HashMap<>();
    /** Digest of every file read: the scorer's version. */
    final String digest;

    Lexicon() {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        for (String lang : LANGUAGES) {
            UnaryOperator<String> stem = Stems.of(lang);
            Map<String, Double> w = new HashMap<>();
            Map<String, Double> plain = new HashMap<>();
            for (String[] f : read("lexicon-" + lang + ".tsv", md)) {
                if (f.length >= 2) {
                    String word = f[0].trim().toLowerCase(Locale.ROOT);
                    double v = Double.parseDouble(f[1].trim());
                    w.merge(stem.apply(word), v, (a, b) -> Math.abs(a) >= Math.abs(b) ? a : b);
                    w.putIfAbsent(word, v);
                    plain.put(word, v);
                }
            }
            weights.put(lang, w);
            surface.put(lang, plain);
        }
        for (String[] f : read("modifiers.tsv", md)) {
            if (f.length < 4) {
                continue;
            }
            String lang = f[0].trim();
            String word = f[2].trim().toLowerCase(Locale.ROOT);
            double v = Double.parseDouble(f[3].trim());
            switch (f[1].trim()) {
                case "negator" -> negators.computeIfAbsent(lang, k -> new HashMap<>()).put(word, v);
                case "intensifier" -> intensifiers.computeIfAbsent(lang, k -> new HashMap<>()).put(word, v);
                case "diminisher" -> diminishers.computeIfAbsent(lang, k -> new HashMap<>()).put(word, v);
                case "negsuffix" -> negativeSuffixes.put(word, v);
                default -> { }
            }
        }
        digest = HexFormat.of().formatHex(md.digest()).substring(0, 12);
    }

    private static java.util.List<String[]> read(String name, MessageDigest md) {
        java.util.List<String[]> out = new java.util.ArrayList<>();
        try (InputStream in = Lexicon.class.getResourceAsStream("/tone/" + name)) {
            if (in == null) {
                throw new IllegalStateException("tone resource missing: " + name);
            }
            byte[] bytes = in.readAllBytes();
            md.update(bytes);
            try (BufferedReader r = new BufferedReader(new InputStreamReader(new java.io.ByteArrayInputStream(bytes), StandardCharsets.UTF_8))) {
                for (String line = r.readLine(); line != null; line = r.readLine()) {
                    if (!line.isBlank() && !line.startsWith("#")) {
                        out.add(line.split("\t"));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
