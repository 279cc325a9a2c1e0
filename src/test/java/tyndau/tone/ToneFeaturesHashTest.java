package tyndau.tone;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The character n-grams are hashed with one running hash per start; the shipped model's weights were learnt on
 * each n-gram hashed from its start, so the values must be those, exactly: checked here against that plain reading.
 */
class ToneFeaturesHashTest {
    static final String LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяәғқңөұүһіabcdefghijklmnopqrstuvwxyz0123456789'-";

    @Test
    void ngramsAreTheNgramsHashedFromTheirStart() {
        Random r = new Random(3);
        int mask = (1 << 22) - 1;
        for (int t = 0; t < 5000; t++) {
            StringBuilder w = new StringBuilder();
            for (int i = 0, n = 1 + r.nextInt(14); i < n; i++) {
                w.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
            }
            String word = w.toString();
            String bounded = " " + word + " ";
            int[] plain = new int[4 * bounded.length()];
            int n = 0;
            for (int size = 2; size <= 5; size++) {
                for (int k = 0; k + size <= bounded.length(); k++) {
                    plain[n++] = ToneFeatures.hash("c", bounded, k, k + size) & mask;
                }
            }
            int[] fast = new int[4 * bounded.length()];
            int m = ToneFeatures.ngrams(word, mask, fast, 0);
            int[] a = Arrays.copyOf(plain, n);
            int[] b = Arrays.copyOf(fast, m);
            Arrays.sort(a);
            Arrays.sort(b);
            assertArrayEquals(a, b, word);
        }
    }

    @Test
    void trigramsAreTheTrigramsOfEachWordHashedFromTheirStart() {
        String[] texts = {"Министр иностранных дел Казахстана провёл переговоры.", "Қытайға бидай экспорты өсті!",
            "Aid to Türkiye: 2,500 tonnes; the ministry's note.", "", "   ", "a", "Ё-моё, 5G и т.д."};
        int mask = (1 << ToneFeatures.TRIGRAM_BITS) - 1;
        for (String text : texts) {
            String lower = text.toLowerCase(Locale.ROOT);
            int[] plain = new int[lower.length() * 3 + 8];
            int n = 0;
            int i = 0;
            while (i < lower.length()) {
                if (Character.isLetter(lower.codePointAt(i))) {
                    int j = i;
                    while (j < lower.length() && Character.isLetter(lower.codePointAt(j))) {
                        j += Character.charCount(lower.codePointAt(j));
                    }
                    String bounded = " " + lower.substring(i, j) + " ";
                    for (int k = 0; k + 3 <= bounded.length(); k++) {
                        plain[n++] = ToneFeatures.hash("t", bounded, k, k + 3) & mask;
                    }
                    i = j;
                } else {
                    i += Character.charCount(lower.codePointAt(i));
                }
            }
            assertArrayEquals(Arrays.copyOf(plain, n), ToneFeatures.trigrams(text), text);
        }
    }
}
