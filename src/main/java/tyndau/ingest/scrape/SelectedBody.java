package tyndau.ingest.scrape;

import java.util.List;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The article body as the source's selector names it: every match, in page order, copied into one container. */
final class SelectedBody {
    private static final String NEVER_CONTENT = "script, style, noscript, template, iframe, form, button, input, select, textarea";

    private SelectedBody() {
    }

    /** The container, or empty when the selector is invalid or matches no text. */
    static Optional<Element> of(Document doc, String selector) {
        List<Element> matches = Css.select(doc, selector).map(List::copyOf).orElse(List.of());
        Element body = new Element("div");
        for (Element m : matches) {
            // ".article p" style selectors can match nested elements; their text is already in the outer one.
            if (matches.stream().noneMatch(other -> other != m && isAncestor(other, m))) {
                body.appendChild(m.clone());
            }
        }
        body.select(NEVER_CONTENT).remove();
        return body.text().isBlank() ? Optional.empty() : Optional.of(body);
    }

    private static boolean isAncestor(Element candidate, Element e) {
        for (Element p = e.parent(); p != null; p = p.parent()) {
            if (p == candidate) {
                return true;
            }
        }
        return false;
    }
}
