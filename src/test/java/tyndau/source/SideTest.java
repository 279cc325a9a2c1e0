package tyndau.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tyndau.TyndauConfig;

/**
 * Which side a role counts on (DESIGN "Sides come from sources"), with the configuration read by the same
 * mapping the service uses: the defaults, and lists an operator wrote.
 */
class SideTest {

    static Side side(Map<String, String> properties) {
        // Quarkus's own converter reads the mapping's other durations ("2s"), as in the service.
        TyndauConfig config = new SmallRyeConfigBuilder().withMapping(TyndauConfig.class)
                .withConverter(Duration.class, 200, new DurationConverter())
                .withSources(new PropertiesConfigSource(properties, "test", 500)).build().getConfigMapping(TyndauConfig.class);
        return new Side(config);
    }

    @Test
    void byDefaultTheStateMediaAreOnNeitherSide() {
        Side side = side(Map.of());
        assertEquals(Side.GOVERNMENT, side.of(SourceRole.GOVERNMENT));
        assertEquals(Side.NONE, side.of(SourceRole.STATE_MEDIA));
        for (SourceRole r : new SourceRole[] {SourceRole.INDEPENDENT_MEDIA, SourceRole.INTERNATIONAL_MEDIA,
                SourceRole.CIVIL_SOCIETY, SourceRole.SOCIAL}) {
            assertEquals(Side.PUBLIC, side.of(r), r.wire());
        }
    }

    @Test
    void configuredListsAreReadWithoutRegardToCaseOrSpaces() {
        Side side = side(Map.of("tyndau.sides.government", "Government, STATE_MEDIA ", "tyndau.sides.public", " social"));
        assertEquals(Side.GOVERNMENT, side.of(SourceRole.STATE_MEDIA));
        assertEquals(Side.PUBLIC, side.of(SourceRole.SOCIAL));
        assertEquals(Side.NONE, side.of(SourceRole.INDEPENDENT_MEDIA), "a role on no list counts on neither side");
    }

    @Test
    void aRoleOnBothListsCountsAsGovernment() {
        Side side = side(Map.of("tyndau.sides.government", "government,state_media",
                "tyndau.sides.public", "state_media,independent_media"));
        assertEquals(Side.GOVERNMENT, side.of(SourceRole.STATE_MEDIA));
        assertEquals(Side.PUBLIC, side.of(SourceRole.INDEPENDENT_MEDIA));
    }
}
