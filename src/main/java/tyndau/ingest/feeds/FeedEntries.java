package tyndau.ingest.feeds;

import com.rometools.rome.feed.module.DCModule;
import com.rometools.rome.feed.module.Module;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdom2.Element;
import org.jdom2.Namespace;
import tyndau.ingest.HtmlText;

/**
 * Rome's entries as {@link FeedEntry}s: titles to plain text, links made absolute, a date that
 * neither {@link FeedDates} nor Rome could read left null with a warning (never replaced by the time
 * of parsing), languages inherited from the feed. The item elements, when they line up with Rome's entries, supply what
 * Rome drops: xml:base, xml:lang and the raw text of a date.
 */
final class FeedEntries {
    private static final String[] PUBLISHED = {"pubDate", "date", "published", "issued", "created"};
    private static final String[] UPDATED = {"updated", "modified"};

    private FeedEntries() {
    }

    static List<FeedEntry> map(SyndFeed feed, List<Element> items, URI base, String channelLink, Warnings warnings) {
        List<SyndEntry> entries = feed.getEntries();
        boolean aligned = items.size() == entries.size();
        URI start = base != null ? base : Links.absoluteHttp(channelLink).orElse(null);
        String feedLanguage = language(feed.getLanguage());
        List<FeedEntry> out = new ArrayList<>(entries.size());
        for (int i = 0; i < entries.size(); i++) {
            SyndEntry e = entries.get(i);
            Element item = aligned ? items.get(i) : null;
            String label = "entry " + (i + 1);
            URI entryBase = item == null ? start : Links.xmlBase(item, start);
            out.add(new FeedEntry(
                    guid(e, item),
                    link(e, item, entryBase, label, warnings),
                    title(e),
                    content(e),
                    date(e.getPublishedDate(), item, PUBLISHED, label, warnings),
                    date(e.getUpdatedDate(), item, UPDATED, label, warnings),
                    author(e),
                    entryLanguage(item).orElse(feedLanguage)));
        }
        return out;
    }

    private static String guid(SyndEntry e, Element item) {
        if (item != null) {
            for (Element child : item.getChildren()) {
                if ((child.getName().equals("guid") || child.getName().equals("id")) && child.getNamespace().equals(item.getNamespace())) {
                    return blankToNull(child.getTextTrim());
                }
            }
            String about = item.getAttributeValue("about", Namespace.getNamespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#"));
            if (about != null) {
                return blankToNull(about.trim());
            }
            return null;
        }
        return blankToNull(e.getUri());
    }

    private static String link(SyndEntry e, Element item, URI base, String label, Warnings warnings) {
        String raw = blankToNull(e.getLink());
        if (raw == null) {
            for (SyndLink l : e.getLinks()) {
                if (l.getHref() != null && (l.getRel() == null || l.getRel().equals("alternate"))) {
                    raw = blankToNull(l.getHref());
                    break;
                }
            }
        }
        if (raw == null && item != null) {
            Element guid = item.getChild("guid", item.getNamespace());
            if (guid != null && !"false".equalsIgnoreCase(guid.getAttributeValue("isPermaLink"))) {
                raw = Links.absoluteHttp(guid.getTextTrim()).map(URI::toString).orElse(null);
            }
        }
        if (raw == null) {
            return null;
        }
        Optional<String> resolved = Links.resolve(base, raw);
        if (resolved.isEmpty()) {
            warnings.add(label + ": link '" + shorten(raw) + "' is not an absolute http(s) URL and has no usable base");
        }
        return resolved.orElse(null);
    }

    private static String title(SyndEntry e) {
        SyndContent title = e.getTitleEx();
        if (title != null && title.getValue() != null && !title.getValue().isBlank()) {
            return plain(title.getValue(), title.getType());
        }
        return dcTitle(e.getModule(DCModule.URI));
    }

    /** Dublin Core's title, which Rome keeps apart from the RSS title. */
    static String dcTitle(Module dc) {
        return dc instanceof DCModule m && m.getTitle() != null ? plain(m.getTitle(), null) : null;
    }

    /** A title as plain text: Atom says which titles are text; RSS titles are often HTML whatever they claim. */
    static String plain(String value, String type) {
        String text = isText(type) ? value : HtmlText.inline(value);
        return blankToNull(text.replace('\u00a0', ' ').replaceAll("\\s+", " ").trim());
    }

    private static String content(SyndEntry e) {
        for (SyndContent c : e.getContents()) {
            if (c.getValue() != null && !c.getValue().isBlank()) {
                return c.getValue().trim();
            }
        }
        SyndContent d = e.getDescription();
        return d == null ? null : blankToNull(d.getValue() == null ? null : d.getValue().trim());
    }

    private static Instant date(Date rome, Element item, String[] names, String label, Warnings warnings) {
        if (rome != null) {
            return rome.toInstant();
        }
        if (item == null) {
            return null;
        }
        String raw = null;
        for (String name : names) {
            for (Element child : item.getChildren()) {
                if (child.getName().equals(name) && !child.getTextTrim().isEmpty()) {
                    raw = child.getTextTrim();
                    break;
                }
            }
            if (raw != null) {
                break;
            }
        }
        if (raw == null) {
            return null;
        }
        // FeedShape.canonicaliseDates and then Rome have both tried this text.
        warnings.add(label + ": unparseable date '" + shorten(raw) + "'");
        return null;
    }

    private static String author(SyndEntry e) {
        String a = blankToNull(e.getAuthor());
        if (a != null) {
            return a.trim();
        }
        for (SyndPerson p : e.getAuthors()) {
            String name = blankToNull(p.getName());
            if (name != null) {
                return name.trim();
            }
            String email = blankToNull(p.getEmail());
            if (email != null) {
                return email.trim();
            }
        }
        return null;
    }

    private static Optional<String> entryLanguage(Element item) {
        for (Element e = item; e != null; e = e.getParentElement()) {
            String lang = e.getAttributeValue("lang", Namespace.XML_NAMESPACE);
            if (lang != null && !lang.isBlank()) {
                return Optional.of(lang.trim().toLowerCase(Locale.ROOT));
            }
            if (e == item) {
                for (Element child : item.getChildren()) {
                    if (child.getName().equals("language") && !child.getTextTrim().isEmpty()) {
                        return Optional.of(child.getTextTrim().toLowerCase(Locale.ROOT));
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Atom 1.0 says {@code text}, Atom 0.3 {@code text/plain}. */
    static boolean isText(String type) {
        return "text".equals(type) || "text/plain".equals(type);
    }

    static String language(String raw) {
        String l = blankToNull(raw);
        return l == null ? null : l.trim().toLowerCase(Locale.ROOT);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String shorten(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }
}
