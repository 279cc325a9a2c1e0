package tyndau.ingest.scrape;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * The schema.org objects of a page's JSON-LD blocks, flattened: top-level objects, arrays, {@code @graph}
 * members and nested objects alike. Blocks that do not parse (pages often ship broken JSON) are skipped.
 */
final class JsonLd {
    private static final JsonMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_TRAILING_COMMA,
                    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS, JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .build();
    private static final Set<String> ARTICLE_TYPES = Set.of(
            "article", "newsarticle", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
            "opinionnewsarticle", "backgroundnewsarticle", "reviewnewsarticle", "scholarlyarticle", "techarticle",
            "report", "socialmediaposting", "liveblogposting", "discussionforumposting", "posting");

    private final List<JsonNode> objects;

    private JsonLd(List<JsonNode> objects) {
        this.objects = objects;
    }

    static JsonLd of(Document doc) {
        List<JsonNode> objects = new ArrayList<>();
        for (Element script : doc.select("script[type~=(?i)application/ld\\+json]")) {
            String json = script.data().trim()
                    .replaceFirst("^(<!--|<!\\[CDATA\\[)", "").replaceFirst("(-->|]]>)$", "").trim();
            try {
                flatten(LENIENT.readTree(json), objects);
            } catch (JsonProcessingException e) {
                // a broken block says nothing; the others may still
            }
        }
        return new JsonLd(objects);
    }

    private static void flatten(JsonNode node, List<JsonNode> out) {
        if (node == null) {
            return;
        }
        if (node.isObject()) {
            out.add(node);
        }
        if (node.isContainerNode()) {
            for (JsonNode child : node) {
                flatten(child, out);
            }
        }
    }

    /** The first non-blank text of {@code field}, looked for in article-typed objects first. */
    Optional<String> articleField(String field) {
        return first(field, true).or(() -> first(field, false));
    }

    /** Author name(s) of the article: a string, a Person/Organization object, or an array of them. */
    Optional<String> author() {
        for (boolean articlesOnly : new boolean[] {true, false}) {
            for (JsonNode o : objects) {
                if (articlesOnly && !isArticle(o) || !o.has("author")) {
                    continue;
                }
                String names = names(o.get("author"));
                if (!names.isBlank()) {
                    return Optional.of(names);
                }
            }
        }
        return Optional.empty();
    }

    private Optional<String> first(String field, boolean articlesOnly) {
        for (JsonNode o : objects) {
            if (articlesOnly && !isArticle(o)) {
                continue;
            }
            JsonNode v = o.get(field);
            if (v != null && v.isArray() && !v.isEmpty()) {
                v = v.get(0);
            }
            if (v != null && v.isValueNode() && !v.asText().isBlank()) {
                return Optional.of(v.asText().trim());
            }
        }
        return Optional.empty();
    }

    private static String names(JsonNode author) {
        if (author.isTextual()) {
            return author.asText().trim();
        }
        if (author.isObject()) {
            return author.path("name").isValueNode() ? author.path("name").asText().trim() : "";
        }
        if (author.isArray()) {
            List<String> all = new ArrayList<>();
            author.forEach(a -> all.add(names(a)));
            return all.stream().filter(s -> !s.isBlank()).distinct().collect(Collectors.joining(", "));
        }
        return "";
    }

    private static boolean isArticle(JsonNode o) {
        JsonNode type = o.get("@type");
        if (type == null) {
            return false;
        }
        List<JsonNode> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(types::add);
        } else {
            types.add(type);
        }
        for (JsonNode t : types) {
            String name = t.asText().toLowerCase(Locale.ROOT);
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf(':')) + 1);
            if (ARTICLE_TYPES.contains(name)) {
                return true;
            }
        }
        return false;
    }
}
