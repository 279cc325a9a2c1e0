package tyndau.ingest.scrape;

import java.util.List;
import java.util.Optional;

/** A source's selectors with blank and invalid ones set aside, each invalid one reported. */
final class UsableSelectors {
    private UsableSelectors() {
    }

    static Selectors of(Selectors given, List<String> warnings) {
        if (given == null) {
            return Selectors.NONE;
        }
        return new Selectors(
                usable("links", given.links(), warnings),
                usable("title", given.title(), warnings),
                usable("date", given.date(), warnings),
                usable("body", given.body(), warnings),
                usable("author", given.author(), warnings));
    }

    private static String usable(String part, String selector, List<String> warnings) {
        if (selector == null || selector.isBlank()) {
            return null;
        }
        Optional<String> problem = Css.problem(selector);
        if (problem.isPresent()) {
            warnings.add(part + " selector '" + selector + "' is not valid CSS (" + problem.get() + "); ignored");
            return null;
        }
        return selector.trim();
    }
}
