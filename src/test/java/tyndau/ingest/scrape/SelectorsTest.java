package tyndau.ingest.scrape;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class SelectorsTest {
    @Test
    void readsFromASourcesSelectorsObjectWithAnyKeyMissing() throws Exception {
        Selectors s = new ObjectMapper().readValue("{\"links\": \".news a\", \"body\": \".article__body\"}", Selectors.class);
        assertEquals(new Selectors(".news a", null, null, ".article__body", null), s);
    }

    @Test
    void blankAndInvalidSelectorsAreSetAsideWithAReason() {
        java.util.List<String> warnings = new java.util.ArrayList<>();
        Selectors usable = UsableSelectors.of(new Selectors(" ", ".t", "div[[", null, "  .a  "), warnings);
        assertEquals(new Selectors(null, ".t", null, null, ".a"), usable);
        assertEquals(1, warnings.size(), warnings.toString());
        assertEquals(true, warnings.get(0).startsWith("date selector 'div[[' is not valid CSS ("), warnings.get(0));
    }
}
