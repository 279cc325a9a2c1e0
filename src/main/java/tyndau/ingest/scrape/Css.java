package tyndau.ingest.scrape;

import java.util.Optional;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/** CSS selection that treats a selector a source got wrong as a miss, with the parser's reason. */
final class Css {
    private Css() {
    }

    /** The matches, or empty when the selector is not valid CSS. */
    static Optional<Elements> select(Element root, String selector) {
        return compile(selector).map(root::select);
    }

    /** Why the selector cannot be used, if it cannot. */
    static Optional<String> problem(String selector) {
        try {
            QueryParser.parse(selector);
            return Optional.empty();
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Optional<Evaluator> compile(String selector) {
        try {
            return Optional.of(QueryParser.parse(selector));
        } catch (Selector.SelectorParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
