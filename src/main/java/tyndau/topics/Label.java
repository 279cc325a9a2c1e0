package tyndau.topics;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.TemplateData;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import tyndau.http.ApiException;

/**
 * A topic's label: one string, or one per language ({@code {"kk": "Ресей", "ru": "Россия", "en": "Russia"}}).
 * It is written back the way it was given: a single label stays a string in the API, so clients that read
 * one string keep working. A page asks for its language and gets, failing that, English, then the first given.
 */
@TemplateData
@Schema(description = "A topic's label: one string, or an object of language code to label, e.g."
        + " {\"kk\": \"Ресей\", \"ru\": \"Россия\", \"en\": \"Russia\"}; given back as it was given",
        oneOf = {String.class, Map.class}, examples = "{\"kk\": \"Ресей\", \"ru\": \"Россия\", \"en\": \"Russia\"}")
public final class Label {
    public static final int MAX_CHARS = 255;
    private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Language tag → label, in the order given; one entry under "" for a single label. */
    private final Map<String, String> names;

    private Label(Map<String, String> names) {
        this.names = Collections.unmodifiableMap(names);
    }

    public static Label of(String single) {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("", single == null ? null : single.trim());
        return new Label(m);
    }

    /** From the API or topics.yml: a string, or an object of language → string. Null stays null (then "required"). */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Label from(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isTextual()) {
            return of(node.asText());
        }
        if (!node.isObject()) {
            throw ApiException.badRequest("'label' must be a string or an object such as {\"kk\": …, \"ru\": …, \"en\": …}");
        }
        Map<String, String> m = new LinkedHashMap<>();
        var fields = node.fields();
        while (fields.hasNext()) {
            var f = fields.next();
            String lang = f.getKey().trim().toLowerCase(Locale.ROOT);
            if (!LANGUAGE.matcher(lang).matches()) {
                throw ApiException.badRequest("'label' keys are language codes such as kk, ru, en; '" + f.getKey() + "' is not one");
            }
            if (!f.getValue().isTextual()) {
                throw ApiException.badRequest("'label." + lang + "' must be a string");
            }
            String text = f.getValue().asText().trim();
            if (!text.isEmpty()) {
                m.put(lang, text);
            }
        }
        return new Label(m);
    }

    /** What topic.label and topic.labels hold, back into a label. */
    static Label stored(String label, String labels) {
        if (labels == null || labels.isBlank()) {
            return of(label);
        }
        try {
            return from(JSON.readTree(labels));
        } catch (JsonProcessingException | RuntimeException e) {
            return of(label);
        }
    }

    /** The JSON for topic.labels, or null for a single label. */
    String storedLabels() {
        if (isSingle()) {
            return null;
        }
        try {
            return JSON.writeValueAsString(names);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean isSingle() {
        return names.size() == 1 && names.containsKey("");
    }

    /** The label a reader of one string gets: English, else the first given. */
    public String text() {
        String en = names.get("en");
        if (en != null) {
            return en;
        }
        return names.values().stream().filter(v -> v != null && !v.isBlank()).findFirst().orElse(null);
    }

    /** The label in a language (a tag such as "kk"), else {@link #text()}. */
    public String in(String language) {
        String v = language == null ? null : names.get(language);
        return v != null && !v.isBlank() ? v : text();
    }

    /** The label given for exactly this language, or null (no falling back). */
    public String own(String language) {
        return isSingle() ? null : names.get(language);
    }

    /** Blank, too long: the reason, or null when the label is fine. */
    String problem() {
        if (text() == null || text().isBlank()) {
            return "'label' is required";
        }
        for (var e : names.entrySet()) {
            if (e.getValue().length() > MAX_CHARS) {
                return "'label" + (e.getKey().isEmpty() ? "" : "." + e.getKey()) + "' is longer than " + MAX_CHARS + " characters";
            }
        }
        return storedLabels() != null && storedLabels().length() > 2000 ? "'label' has too many languages" : null;
    }

    /** A string for a single label, an object of language → label otherwise. */
    @JsonValue
    public Object json() {
        return isSingle() ? names.get("") : names;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Label l && l.names.equals(names);
    }

    @Override
    public int hashCode() {
        return names.hashCode();
    }

    @Override
    public String toString() {
        return text();
    }
}
