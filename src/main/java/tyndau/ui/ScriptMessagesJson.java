package tyndau.ui;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.i18n.Localized;
import io.quarkus.qute.i18n.MessageBundles;
import jakarta.inject.Singleton;
import java.lang.reflect.InvocationTargetException;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.lang.reflect.Method;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

/**
 * The scripts' messages of one language as a JSON object, ready to sit inside {@code <script type="application/json">}:
 * every {@code <}, {@code >} and {@code &} is escaped, so no message can close the element. Built once per language.
 */
@Singleton
class ScriptMessagesJson {
    private final ObjectMapper json = new ObjectMapper();
    private final Map<UiLanguage, String> built = new EnumMap<>(UiLanguage.class);

    synchronized String of(UiLanguage language) {
        return built.computeIfAbsent(language, this::build);
    }

    /**
     * Key → message of the language: every message of {@link ScriptMessages}, and the pages' messages that take
     * no value ({@link UiMessages}: "public side", "Topic"…), so a word both use is written once. A key in both
     * bundles is an error, not a silent choice.
     */
    static Map<String, String> messages(UiLanguage language) {
        Map<String, String> out = new TreeMap<>();
        add(out, UiMessages.class, language.messages(), language);
        add(out, ScriptMessages.class, language == UiLanguage.EN ? MessageBundles.get(ScriptMessages.class)
                : MessageBundles.get(ScriptMessages.class, Localized.Literal.of(language.tag)), language);
        return out;
    }

    private static void add(Map<String, String> out, Class<?> type, Object bundle, UiLanguage language) {
        for (Method m : type.getDeclaredMethods()) {
            if (m.getParameterCount() == 0 && m.getReturnType() == String.class && !m.isDefault()
                    && !java.lang.reflect.Modifier.isStatic(m.getModifiers())) {
                try {
                    if (out.put(m.getName(), (String) m.invoke(bundle)) != null) {
                        throw new IllegalStateException("message " + m.getName() + " is in both UiMessages and ScriptMessages");
                    }
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("message " + m.getName() + " of " + language.tag + " cannot be read", e);
                }
            }
        }
    }

    /**
     * How the language writes numbers and month names, from the JDK's CLDR data: browsers do not all carry
     * every language (Chromium's ICU has no Kazakh months), so the scripts take them from here.
     */
    static Map<String, Object> formats(UiLanguage language) {
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(language.locale);
        String percent = NumberFormat.getPercentInstance(language.locale).format(0.5);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMM", language.locale);
        return Map.of(
                "decimal", String.valueOf(symbols.getDecimalSeparator()),
                "group", String.valueOf(symbols.getGroupingSeparator()),
                "percent", percent.replace(NumberFormat.getIntegerInstance(language.locale).format(50), "#"),
                "months", IntStream.rangeClosed(1, 12).mapToObj(m -> month.format(LocalDate.of(2023, m, 15))).toList());
    }

    private String build(UiLanguage language) {
        Map<String, Object> all = new TreeMap<>(messages(language));
        all.put("_formats", formats(language));
        try {
            return json.writeValueAsString(all).replace("<", "\\u003c").replace(">", "\\u003e")
                    .replace("&", "\\u0026").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
