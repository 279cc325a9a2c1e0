package tyndau.ingest.scrape;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;

/** Each part of an article by the source's selector, falling back to the general rules with a warning. */
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

    /** The main content (empty when the page has none) and the byline block taken out of it. */
    record Body(Optional<Element> content, Optional<String> byline) {
    }

    static Body body(Document doc, String selector, List<String> warnings) {
        if (selector != null) {
            Optional<Element> selected = SelectedBody.of(doc, selector);
            if (selected.isPresent()) {
                return new Body(selected, Optional.empty());
            }
            warnings.add("body selector '" + selector + "' matched no text; used the general extractor");
        }
        // A body heading that repeats the title the page declares is the headline, not body text.
        String declaredTitle = TitleFinder.declared(doc).map(TitleFinder.Found::title).orElse(null);
        Optional<MainContent.Extracted> extracted = MainContent.extract(doc, declaredTitle);
        if (extracted.isEmpty()) {
            warnings.add("no main content found");
        }
        return new Body(extracted.map(MainContent.Extracted::content),
                extracted.map(MainContent.Extracted::byline).flatMap(AuthorFinder::clean));
    }

    static Optional<DateExtractor.Found> date(Document doc, String selector, ZoneId zone, Instant now,
            List<String> warnings) {
        Optional<DateExtractor.Found> date = DateExtractor.find(doc, selector, zone, now);
        if (selector != null && date.map(d -> !d.source().equals("selector")).orElse(true)) {
            warnings.add("date selector '" + selector + "' gave no date; "
                    + date.map(d -> "used " + d.source()).orElse("none found elsewhere either"));
        }
        if (date.isEmpty()) {
            warnings.add("no publication date found: the article is undateable");
        }
        return date;
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
