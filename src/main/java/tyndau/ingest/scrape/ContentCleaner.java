package tyndau.ingest.scrape;

import org.jsoup.nodes.Element;

/** Tidies the gathered article: forms, asides, share bars, widgets, boilerplate headings and empty paragraphs go. */
final class ContentCleaner {
    private static final int SHARE_BAR_MAX_CHARS = 500;

    private ContentCleaner() {
    }

    static void clean(Element article, Pass pass) {
        ConditionalCleaner conditional = new ConditionalCleaner(pass, new DataTables(article));
        conditional.clean(article, "form");
        conditional.clean(article, "fieldset");
        removeAll(article, "object, embed, footer, link, aside");
        for (Element child : article.children()) {
            removeShareBars(child);
        }
        removeAll(article, "iframe, input, textarea, select, button");
        for (Element heading : article.select("h1, h2")) {
            if (ContentHints.classWeight(heading, pass.weightClasses()) < 0) {
                heading.remove();
            }
        }
        conditional.clean(article, "table");
        conditional.clean(article, "ul");
        conditional.clean(article, "div");
        for (Element h1 : article.getElementsByTag("h1")) {
            h1.tagName("h2");
        }
        for (Element p : article.getElementsByTag("p")) {
            if (p.select("img, embed, object, iframe").isEmpty() && p.text().isBlank()) {
                p.remove();
            }
        }
    }

    private static void removeAll(Element article, String query) {
        for (Element e : article.select(query)) {
            if (e != article && !ContentHints.isVideoEmbed(e)) {
                e.remove();
            }
        }
    }

    private static void removeShareBars(Element container) {
        Element end = DomWalk.next(container, true);
        Element node = DomWalk.next(container, false);
        while (node != null && node != end) {
            if (ContentHints.SHARE.matcher(ContentHints.signature(node)).find()
                    && node.text().length() < SHARE_BAR_MAX_CHARS) {
                node = DomWalk.removeAndNext(node);
            } else {
                node = DomWalk.next(node, false);
            }
        }
    }
}
