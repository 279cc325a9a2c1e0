package tyndau.source;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import tyndau.TyndauConfig;

/** Maps a source role to the side it is counted on: public, government, or neither. */
@ApplicationScoped
public class Side {
    public static final String PUBLIC = "public";
    public static final String GOVERNMENT = "government";
    public static final String NONE = "none";

    private final TyndauConfig config;

    Side(TyndauConfig config) {
        this.config = config;
    }

    public String of(SourceRole role) {
        String wire = role.wire();
        if (config.sides().governmentRoles().stream().anyMatch(r -> r.trim().toLowerCase(Locale.ROOT).equals(wire))) {
            return GOVERNMENT;
        }
        if (config.sides().publicRoles().stream().anyMatch(r -> r.trim().toLowerCase(Locale.ROOT).equals(wire))) {
            return PUBLIC;
        }
        return NONE;
    }
}
