package tyndau.ingest.feeds;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jdom2.Content;
import org.jdom2.Document;
import org.jdom2.Element;
import org.jdom2.Namespace;
import org.jdom2.filter.Filters;

/**
 * Puts a feed's document in the shape Rome's parsers recognise, or says it is no feed: Rome picks a
 * parser by the root's name, namespace and {@code version}, so an {@code <rss>} with no or an unknown
 * version, an {@code <rss>} whose items sit outside a {@code <channel>}, and an Atom {@code <feed>}
 * without its namespace would otherwise be refused. Also finds the item elements in the order Rome
 * reads them, for what Rome does not keep (raw dates, xml:lang, xml:base).
 */
final class FeedShape {
    static final Namespace ATOM_10 = Namespace.getNamespace("http://www.w3.org/2005/Atom");
    static final Namespace ATOM_03 = Namespace.getNamespace("http://purl.org/atom/ns#");
    private static final List<String> UNUSED_STRICT = List.of("skipHours", "skipDays", "cloud");
    private static final Set<String> RSS_VERSIONS = Set.of("0.91", "0.92", "0.93", "0.94");
    private static final Set<String> RDF_ITEM_NAMESPACES = Set.of("http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/");

    private FeedShape() {
    }

    static void normalise(Document doc, Warnings warnings) throws FeedParseException {
        Element root = doc.getRootElement();
        switch (root.getName()) {
            case "rss" -> rss(root, warnings);
            case "entry" -> {
                entryDocument(doc, warnings);
                base64(doc.getRootElement(), warnings);
            }
            case "RDF" -> rdf(root);
            case "feed" -> {
                atom(root, warnings);
                base64(root, warnings);
            }
            default -> throw new FeedParseException("not a feed: root element <" + root.getQualifiedName() + ">");
        }
    }

    private static void rss(Element root, Warnings warnings) {
        if (root.getNamespace() != Namespace.NO_NAMESPACE) {
            // Userland's RSS namespaces (rss, rss2, rss2.1...): the elements are plain RSS.
            moveNamespace(root, root.getNamespace(), Namespace.NO_NAMESPACE);
        }
        String version = root.getAttributeValue("version");
        String v = version == null ? "" : version.trim();
        if (!RSS_VERSIONS.contains(v) && !v.startsWith("2.0")) {
            root.setAttribute("version", "2.0");
            warnings.add(version == null ? "rss without version read as RSS 2.0" : "rss version '" + version + "' read as RSS 2.0");
        }
        if (root.getChild("channel", root.getNamespace()) == null) {
            Element channel = new Element("channel", root.getNamespace());
            List<Content> children = new ArrayList<>(root.getContent());
            for (Content c : children) {
                c.detach();
                channel.addContent(c);
            }
            root.addContent(channel);
            warnings.add("rss without channel: its children read as the channel's");
        }
        // Rome reads these with Integer.parseInt and fixed day names and throws on anything else;
        // Tyndau uses none of them.
        Element channel = root.getChild("channel", root.getNamespace());
        for (String unused : UNUSED_STRICT) {
            channel.removeChildren(unused, channel.getNamespace());
        }
    }

    private static void atom(Element root, Warnings warnings) {
        Namespace old = root.getNamespace();
        if (old.getURI().equals(ATOM_10.getURI()) || old.getURI().equals(ATOM_03.getURI())) {
            return;
        }
        Namespace ns = "0.3".equals(root.getAttributeValue("version")) ? ATOM_03 : ATOM_10;
        moveNamespace(root, old, ns);
        warnings.add("feed " + (old == Namespace.NO_NAMESPACE ? "without namespace" : "in namespace " + old.getURI())
                + " read as " + (ns == ATOM_03 ? "Atom 0.3" : "Atom 1.0"));
    }

    /** An Atom entry document (RFC 4287 section 4.1.2) read as a feed of one entry. */
    private static void entryDocument(Document doc, Warnings warnings) throws FeedParseException {
        Element entry = doc.getRootElement();
        String uri = entry.getNamespaceURI();
        if (!uri.equals(ATOM_10.getURI()) && !uri.equals(ATOM_03.getURI())) {
            throw new FeedParseException("not a feed: root element <" + entry.getQualifiedName() + "> outside the Atom namespace");
        }
        Element feed = new Element("feed", Namespace.getNamespace(uri));
        doc.setRootElement(feed);
        feed.addContent(entry);
        warnings.add("Atom entry document read as a feed of one entry");
    }

    private static void moveNamespace(Element root, Namespace from, Namespace to) {
        List<Element> all = new ArrayList<>();
        all.add(root);
        root.getDescendants(Filters.element()).forEach(all::add);
        for (Element e : all) {
            if (e.getNamespace().getURI().equals(from.getURI())) {
                e.setNamespace(to.getURI().isEmpty() ? Namespace.NO_NAMESPACE : Namespace.getNamespace(e.getNamespacePrefix(), to.getURI()));
            }
        }
    }

    /**
     * Atom 0.3 {@code mode}s put right: base64 decoded here, since Rome's own decoder fails on the line
     * breaks feeds put in it, and a mode other than xml, escaped or base64 (which Rome refuses, feed
     * and all) read as escaped.
     */
    private static void base64(Element root, Warnings warnings) {
        List<Element> moded = new ArrayList<>();
        root.getDescendants(Filters.element()).forEach(e -> {
            if (e.getAttribute("mode") != null) {
                moded.add(e);
            }
        });
        for (Element e : moded) {
            String mode = e.getAttributeValue("mode").trim();
            if (mode.equals("base64")) {
                try {
                    byte[] bytes = Base64.getMimeDecoder().decode(e.getTextTrim());
                    e.setText(new String(bytes, StandardCharsets.UTF_8));
                } catch (IllegalArgumentException bad) {
                    e.setText("");
                    warnings.add("<" + e.getName() + "> in base64 could not be decoded: dropped");
                }
                e.setAttribute("mode", "escaped");
            } else if (!mode.equals("xml") && !mode.equals("escaped")) {
                e.setAttribute("mode", "escaped");
                warnings.fold("unknown Atom 0.3 mode '" + mode + "' read as escaped", "<" + e.getName() + ">");
            } else if (!mode.equals(e.getAttributeValue("mode"))) {
                e.setAttribute("mode", mode);
            }
        }
    }

    /** RSS 0.9 / 1.0 with no channel (Rome requires one): an empty channel in the items' namespace. */
    private static void rdf(Element root) throws FeedParseException {
        Namespace ns = null;
        for (Element e : root.getChildren()) {
            if (RDF_ITEM_NAMESPACES.contains(e.getNamespaceURI())) {
                if (e.getName().equals("channel")) {
                    return;
                }
                ns = e.getNamespace();
            }
        }
        if (ns == null) {
            Namespace fallback = root.getNamespace("");
            if (fallback == null || !RDF_ITEM_NAMESPACES.contains(fallback.getURI())) {
                throw new FeedParseException("not a feed: rdf:RDF without RSS 0.9 or 1.0 content");
            }
            ns = fallback;
        }
        root.addContent(0, new Element("channel", ns));
    }

    /** Element names (any namespace) that hold an item's dates: RSS, Dublin Core, Atom 1.0 and 0.3. */
    static final Set<String> DATES = Set.of("pubDate", "date", "published", "updated", "issued", "modified", "created");
    private static final DateTimeFormatter ROME_FIRST_MASK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /**
     * Reads every item date with {@link FeedDates} and writes it back in the form Rome's first W3C
     * mask takes ({@code 2023-02-07T04:00:00.000Z}), so Rome agrees with it: Rome reads microseconds
     * as milliseconds ({@code .965572} put 16 minutes on a corpus date) and tries up to twenty
     * SimpleDateFormat masks per date. What FeedDates cannot read is left for Rome to try.
     */
    static void canonicaliseDates(List<Element> items, Warnings warnings) {
        for (int i = 0; i < items.size(); i++) {
            for (Element child : items.get(i).getChildren()) {
                if (!DATES.contains(child.getName())) {
                    continue;
                }
                String raw = child.getTextTrim();
                Optional<FeedDates.Reading> reading = FeedDates.parse(raw);
                if (reading.isPresent()) {
                    if (reading.get().zoneAssumed()) {
                        warnings.add("entry " + (i + 1) + ": date '" + FeedEntries.shorten(raw) + "' has no time zone, read as UTC");
                    }
                    child.setText(ROME_FIRST_MASK.format(reading.get().instant()));
                }
            }
        }
    }

    /** The item or entry elements, in the order Rome lists its entries. */
    static List<Element> items(Document doc) {
        Element root = doc.getRootElement();
        List<Element> out = new ArrayList<>();
        switch (root.getName()) {
            case "rss" -> {
                Element channel = root.getChild("channel", root.getNamespace());
                if (channel != null) {
                    out.addAll(channel.getChildren("item", channel.getNamespace()));
                }
            }
            case "RDF" -> {
                for (Element e : root.getChildren()) {
                    if (e.getName().equals("item") && RDF_ITEM_NAMESPACES.contains(e.getNamespaceURI())) {
                        out.add(e);
                    }
                }
            }
            default -> out.addAll(root.getChildren("entry", root.getNamespace()));
        }
        return out;
    }

    /** The channel's link for RSS, used as a base for relative item links when the feed's own URL is unknown. */
    static String channelLink(Document doc) {
        Element root = doc.getRootElement();
        Element channel = root.getName().equals("rss") ? root.getChild("channel", root.getNamespace()) : null;
        if (channel == null) {
            for (Element e : root.getChildren()) {
                if (e.getName().equals("channel")) {
                    channel = e;
                }
            }
        }
        if (channel == null) {
            return null;
        }
        Element link = channel.getChild("link", channel.getNamespace());
        return link == null ? null : link.getTextTrim();
    }
}
