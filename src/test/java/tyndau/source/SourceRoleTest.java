package tyndau.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Roles on the wire: lower case with underscores, read forgivingly (case, spaces, hyphens), nothing else accepted. */
class SourceRoleTest {

    @Test
    void everyRoleReadsBackFromItsWireName() {
        for (SourceRole r : SourceRole.values()) {
            assertEquals(Optional.of(r), SourceRole.parse(r.wire()), r.wire());
        }
        assertEquals(Arrays.stream(SourceRole.values()).map(SourceRole::wire).toList(),
                java.util.List.of(SourceRole.allWireNames().split(", ")));
        assertEquals("government, state_media, independent_media, international_media, civil_society, social",
                SourceRole.allWireNames(), "the order DESIGN lists them in, which error messages repeat");
    }

    @Test
    void caseSpacesAndHyphensAreForgiven() {
        assertEquals(Optional.of(SourceRole.STATE_MEDIA), SourceRole.parse("state-media"));
        assertEquals(Optional.of(SourceRole.GOVERNMENT), SourceRole.parse("  Government "));
        assertEquals(Optional.of(SourceRole.CIVIL_SOCIETY), SourceRole.parse("CIVIL_SOCIETY"));
    }

    @Test
    void anythingElseIsNoRole() {
        for (String bad : new String[] {null, "", "press", "state media", "governments", "state__media"}) {
            assertEquals(Optional.empty(), SourceRole.parse(bad), String.valueOf(bad));
        }
    }
}
