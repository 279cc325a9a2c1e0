package tyndau.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.i18n.Message;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bundles are complete: every message of the pages (msg) and of the scripts (js) exists in Kazakh and
 * Russian, with the same values to fill in, and nothing is left over; the Kazakh is Kazakh.
 */
class UiMessagesTest {
    private static final Pattern PAGE_VALUE = Pattern.compile("\\{([a-zA-Z]+)}");
    private static final Pattern SCRIPT_VALUE = Pattern.compile("%([A-Za-z]+)");
    /** Letters Kazakh has and Russian does not. */
    private static final Pattern KAZAKH_LETTER = Pattern.compile("[әғқңөұүһіӘҒҚҢӨҰҮҺІ]");

    private static Map<String, String> english(Class<?> bundle) {
        Map<String, String> out = new TreeMap<>();
        for (Method m : bundle.getDeclaredMethods()) {
            Message message = m.getAnnotation(Message.class);
            if (message != null) {
                out.put(m.getName(), message.value());
            }
        }
        return out;
    }

    private static Map<String, String> file(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = UiMessagesTest.class.getResourceAsStream("/messages/" + name)) {
            assertTrue(in != null, name + " is missing");
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        Map<String, String> out = new TreeMap<>();
        p.forEach((k, v) -> out.put((String) k, (String) v));
        return out;
    }

    private static Set<String> values(Pattern p, String message) {
        Set<String> out = new TreeSet<>();
        Matcher m = p.matcher(message);
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @ParameterizedTest
    @CsvSource({"msg, kk", "msg, ru", "js, kk", "js, ru"})
    void everyMessageIsTranslatedWithTheSameValues(String bundle, String lang) throws IOException {
        Class<?> type = bundle.equals("msg") ? UiMessages.class : ScriptMessages.class;
        Pattern value = bundle.equals("msg") ? PAGE_VALUE : SCRIPT_VALUE;
        Map<String, String> en = english(type);
        Map<String, String> translated = file(bundle + "_" + lang + ".properties");
        assertEquals(new TreeSet<>(), difference(en.keySet(), translated.keySet()), "missing in " + bundle + "_" + lang);
        assertEquals(new TreeSet<>(), difference(translated.keySet(), en.keySet()), "left over in " + bundle + "_" + lang);
        List<String> wrong = new ArrayList<>();
        for (var e : en.entrySet()) {
            String t = translated.get(e.getKey());
            if (t.isBlank() || !values(value, e.getValue()).equals(values(value, t))) {
                wrong.add(e.getKey() + ": " + t);
            }
        }
        assertEquals(List.of(), wrong, "blank or with other values to fill in");
    }

    @ParameterizedTest
    @CsvSource({"msg", "js"})
    void theKazakhIsKazakhNotTheRussianOrTheEnglish(String bundle) throws IOException {
        Map<String, String> kk = file(bundle + "_kk.properties");
        Map<String, String> ru = file(bundle + "_ru.properties");
        Map<String, String> en = english(bundle.equals("msg") ? UiMessages.class : ScriptMessages.class);
        // Sentences (four words or more) are where a copied language shows.
        List<String> sentences = kk.keySet().stream().filter(k -> kk.get(k).split("\\s+").length >= 4).toList();
        long kazakh = sentences.stream().filter(k -> KAZAKH_LETTER.matcher(kk.get(k)).find()).count();
        assertTrue(kazakh >= 0.8 * sentences.size(), kazakh + " of " + sentences.size() + " Kazakh sentences have a Kazakh letter");
        // Names (JSON API) are the same in every language; words are not.
        List<String> copied = kk.keySet().stream().filter(k -> kk.get(k).split("\\s+").length >= 2)
                .filter(k -> kk.get(k).chars().anyMatch(c -> Character.UnicodeBlock.of(c) == Character.UnicodeBlock.CYRILLIC))
                .filter(k -> kk.get(k).equals(ru.get(k)) || kk.get(k).equals(en.get(k))).collect(Collectors.toList());
        assertEquals(List.of(), copied, "Kazakh messages copied from Russian or English");
    }

    @ParameterizedTest
    @CsvSource({"msg, ru", "js, ru"})
    void theRussianIsNotTheEnglish(String bundle, String lang) throws IOException {
        Map<String, String> ru = file(bundle + "_" + lang + ".properties");
        Map<String, String> en = english(bundle.equals("msg") ? UiMessages.class : ScriptMessages.class);
        List<String> copied = ru.keySet().stream().filter(k -> ru.get(k).split("\\s+").length >= 2 && ru.get(k).equals(en.get(k)))
                .toList();
        assertEquals(List.of(), copied);
        assertFalse(ru.isEmpty());
    }

    @org.junit.jupiter.api.Test
    void noKeyIsInBothBundles() {
        // The scripts get both (ScriptMessagesJson): a key in both would be a silent choice.
        Set<String> both = new TreeSet<>(english(UiMessages.class).keySet());
        both.retainAll(english(ScriptMessages.class).keySet());
        assertEquals(Set.of(), both);
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        Set<String> out = new TreeSet<>(a);
        out.removeAll(b);
        return out;
    }

}
