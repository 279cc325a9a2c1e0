package tyndau.topics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A topic as the API shows and takes it (docs/api.md: {@code {"id","label","query","sensitive"}}); the label is a
 * string or one per language.
 */
public record TopicView(
        @Pattern(regexp = "[a-z0-9][a-z0-9_-]{0,63}", message = "must be a slug of lower-case letters, digits, '-' or '_'") String id,
        Label label,
        @NotBlank @Size(max = TopicService.MAX_QUERY_CHARS) String query,
        Boolean sensitive) {

    static TopicView of(Topic t) {
        return new TopicView(t.id, Label.stored(t.label, t.labels), t.query, t.sensitive);
    }
}
