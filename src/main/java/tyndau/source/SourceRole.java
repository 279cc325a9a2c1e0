package tyndau.source;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What kind of voice a source is (docs/architecture.md, "Sides come from sources"); the wire name is lower case. */
public enum SourceRole {
    GOVERNMENT, STATE_MEDIA, INDEPENDENT_MEDIA, INTERNATIONAL_MEDIA, CIVIL_SOCIETY, SOCIAL;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<SourceRole> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        return Arrays.stream(values()).filter(r -> r.name().equals(v)).findFirst();
    }

    public static String allWireNames() {
        return String.join(", ", Arrays.stream(values()).map(SourceRole::wire).toList());
    }
}
