package tyndau.tone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * RuSentiFrames 2.0 (Rusnachenko and Loukachevitch; MIT, src/main/resources/tone/rusentiframes/): some 7,000
 * Russian predicates, verbs, nouns and phrases, grouped into 311 frames, each telling whom the situation
 * is good or bad for: the attitude between its participants ({@code a0→a1 neg} for "осудить"), the effect
 * on each ({@code a1 −}), their state, the author's attitude. A sentence's frames become features of the
 * tone model ({@link ModelToneScorer#extras}): a predicate training never saw still lands on the weights
 * its frame's other predicates taught. Matched on Snowball stems, phrases word by word; a predicate right
 * after "не" gives its features marked as negated.
 */
final class Frames {
    static final String RESOURCE = "tone/rusentiframes/collection.json";

    private record Variant(String[] stems, List<String> features) {
    }

    private final Map<String, List<Variant>> byFirstStem = new HashMap<>();

    private Frames(JsonNode collection) {
        UnaryOperator<String> stem = Stems.of("ru");
        collection.fields().forEachRemaining(frame -> {
            List<String> features = features(frame.getValue().path("frames"));
            for (JsonNode v : frame.getValue().path("variants")) {
                List<String> words = words(v.asText());
                if (!words.isEmpty()) {
                    String[] stems = words.stream().map(stem).toArray(String[]::new);
                    byFirstStem.computeIfAbsent(stems[0], k -> new ArrayList<>()).add(new Variant(stems, features));
                }
            }
        });
    }

    /** The shipped collection, from the class path. */
    static Frames shipped() {
        try (InputStream in = Frames.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("RuSentiFrames " + RESOURCE + " is not on the class path");
            }
            return new Frames(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read RuSentiFrames " + RESOURCE, e);
        }
    }

    /**
     * What a frame says, as feature names: "frame a0>a1 neg", "frame effect a1-", "frame state a0 pos", and
     * coarser, "frame some neg" / "frame some pos" when any attitude or effect in it is negative / positive.
     */
    private static List<String> features(JsonNode frames) {
        List<String> out = new ArrayList<>();
        Set<String> coarse = new java.util.TreeSet<>();
        for (JsonNode p : frames.path("polarity")) {
            out.add("frame " + p.get(0).asText() + ">" + p.get(1).asText() + " " + p.get(2).asText());
            coarse.add("frame some " + p.get(2).asText());
        }
        for (JsonNode e : frames.path("effect")) {
            out.add("frame effect " + e.get(0).asText() + e.get(1).asText());
            coarse.add(e.get(1).asText().equals("-") ? "frame some neg" : "frame some pos");
        }
        for (JsonNode s : frames.path("state")) {
            out.add("frame state " + s.get(0).asText() + " " + s.get(1).asText());
        }
        out.addAll(coarse);
        return out;
    }

    /** The frame features of a Russian sentence (distinct, in the order met; empty when no predicate is known). */
    List<String> of(String sentence) {
        List<String> words = words(sentence);
        if (words.isEmpty()) {
            return List.of();
        }
        UnaryOperator<String> stem = Stems.of("ru");
        String[] stems = words.stream().map(stem).toArray(String[]::new);
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < stems.length; i++) {
            List<Variant> candidates = byFirstStem.get(stems[i]);
            if (candidates == null) {
                continue;
            }
            boolean negated = i > 0 && words.get(i - 1).equals("не");
            for (Variant v : candidates) {
                if (matches(stems, i, v.stems())) {
                    for (String f : v.features()) {
                        out.add(negated ? "не " + f : f);
                    }
                }
            }
        }
        return List.copyOf(out);
    }

    private static boolean matches(String[] stems, int at, String[] phrase) {
        if (at + phrase.length > stems.length) {
            return false;
        }
        for (int k = 1; k < phrase.length; k++) {
            if (!stems[at + k].equals(phrase[k])) {
                return false;
            }
        }
        return true;
    }

    /** The lower-cased words of a text (letters, with inner hyphens), "ё" read as "е" (the collection spells both). */
    private static List<String> words(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace('ё', 'е');
        List<String> out = new ArrayList<>();
        int i = 0;
        while (i < lower.length()) {
            char c = lower.charAt(i);
            if (Character.isLetter(c)) {
                int j = i;
                while (j < lower.length() && (Character.isLetter(lower.charAt(j)) || lower.charAt(j) == '-')) {
                    j++;
                }
                out.add(lower.substring(i, j));
                i = j;
            } else {
                i++;
            }
        }
        return out;
    }
}
