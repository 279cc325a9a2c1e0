package tyndau.tone;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The VADER method (Hutto and Gilbert, ICWSM 2014) as its paper describes it, written here as the
 * English baseline, with its own lexicon (../shared/data/sentiment/vader, MIT): valence per word,
 * negation in the three words before (×−0.74), boosters and dampeners (±0.293), a word in capitals
 * amid lower case (+0.733), "but" (before ×0.5, after ×1.5), exclamation marks (+0.292 each, up to 4),
 * compound = s / √(s² + 15). Not the reference implementation: idioms and special cases are left out.
 */
final class VaderBaseline {
    private static final Set<String> NEGATIONS = Set.of("not", "isn't", "doesn't", "don't", "didn't", "won't", "wasn't",
            "weren't", "aren't", "can't", "cannot", "couldn't", "shouldn't", "wouldn't", "never", "no", "nor", "none",
            "nothing", "nobody", "neither", "without", "hasn't", "haven't", "hadn't", "ain't", "isnt", "dont", "didnt");
    private static final Map<String, Double> BOOSTERS = new HashMap<>();

    static {
        for (String up : List.of("absolutely", "amazingly", "awfully", "completely", "considerably", "decidedly", "deeply",
                "enormously", "entirely", "especially", "exceptionally", "extremely", "fabulously", "greatly", "highly",
                "hugely", "incredibly", "intensely", "majorly", "more", "most", "particularly", "purely", "quite", "really",
                "remarkably", "so", "substantially", "thoroughly", "totally", "tremendously", "unbelievably", "very")) {
            BOOSTERS.put(up, 0.293);
        }
        for (String down : List.of("almost", "barely", "hardly", "kind", "less", "little", "marginally", "occasionally",
                "partly", "scarcely", "slightly", "somewhat", "sort")) {
            BOOSTERS.put(down, -0.293);
        }
    }

    private final Map<String, Double> lexicon = new HashMap<>();

    VaderBaseline(Path lexiconFile) throws IOException {
        for (String line : Files.readAllLines(lexiconFile, StandardCharsets.UTF_8)) {
            String[] f = line.split("\t");
            if (f.length >= 2) {
                lexicon.put(f[0], Double.parseDouble(f[1]));
            }
        }
    }

    double compound(String text) {
        String[] raw = text.trim().split("\\s+");
        boolean anyLower = text.chars().anyMatch(Character::isLowerCase);
        double[] valence = new double[raw.length];
        String[] words = new String[raw.length];
        for (int i = 0; i < raw.length; i++) {
            String w = raw[i].replaceAll("^[\\p{Punct}]+|[\\p{Punct}&&[^']]+$", "");
            words[i] = w.isEmpty() ? raw[i].toLowerCase(Locale.ROOT) : w.toLowerCase(Locale.ROOT);
        }
        for (int i = 0; i < raw.length; i++) {
            Double v = lexicon.get(words[i]);
            if (v == null) {
                v = lexicon.get(raw[i].toLowerCase(Locale.ROOT)); // emoticons keep their punctuation
            }
            if (v == null || BOOSTERS.containsKey(words[i])) {
                continue;
            }
            double s = v;
            String w = raw[i].replaceAll("\\p{Punct}", "");
            if (anyLower && w.length() > 1 && w.equals(w.toUpperCase(Locale.ROOT)) && !w.equals(w.toLowerCase(Locale.ROOT))) {
                s += Math.signum(s) * 0.733;
            }
            for (int back = 1; back <= 3 && i - back >= 0; back++) {
                Double boost = BOOSTERS.get(words[i - back]);
                if (boost != null) {
                    double scaled = boost * (back == 1 ? 1 : back == 2 ? 0.95 : 0.9);
                    s += Math.signum(s) * scaled;
                }
                if (NEGATIONS.contains(words[i - back]) || words[i - back].endsWith("n't")) {
                    s *= -0.74;
                }
            }
            valence[i] = s;
        }
        for (int i = 0; i < words.length; i++) {
            if (words[i].equals("but")) {
                for (int k = 0; k < valence.length; k++) {
                    valence[k] *= k < i ? 0.5 : k > i ? 1.5 : 1;
                }
            }
        }
        double sum = 0;
        for (double v : valence) {
            sum += v;
        }
        long bangs = Math.min(4, text.chars().filter(c -> c == '!').count());
        if (sum != 0) {
            sum += Math.signum(sum) * bangs * 0.292;
        }
        return sum / Math.sqrt(sum * sum + 15);
    }
}
