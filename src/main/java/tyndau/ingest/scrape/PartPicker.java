package tyndau.ingest.scrape;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Title and author by the source's selector, falling back to the general rules with a warning. */
final class PartPicker {
    private PartPicker() {
    }

    static String title(Document doc, String selector, List<String> warnings) {
        Optional<String> selected = firstText(doc, selector);
        if (selected.isPresent()) {
            return selected.get();
        }
        Optional<TitleFinder.Found> found = TitleFinder.find(doc);
        if (selector != null) {
            warnings.add("title selector '" + selector + "' matched no text; "
                    + found.map(f -> "used " + f.from()).orElse("the page has no title either"));
        }
        return found.map(TitleFinder.Found::title).orElse(null);
    }

    /** The author by selector; empty (with a warning) when the selector is set but misses. */
    static Optional<String> author(Document doc, String selector, List<String> warnings) {
        Optional<String> selected = firstText(doc, selector).flatMap(AuthorFinder::clean);
        if (selector != null && selected.isEmpty()) {
            warnings.add("author selector '" + selector + "' matched no text; used the page's byline");
        }
        return selected;
    }

    private static Optional<String> firstText(Document doc, String selector) {
        if (selector == null) {
            return Optional.empty();
        }
        for (Element e : Css.select(doc, selector).orElseGet(Elements::new)) {
            String text = e.text().replaceAll("\\s+", " ").trim();
            if (!text.isEmpty()) {
                return Optional.of(text);
            }
        }
        return Optional.empty();
    }
}
