package tyndau.ingest.feeds;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.jdom2.Document;
import org.jdom2.JDOMException;
import org.jdom2.input.DOMBuilder;
import org.jdom2.input.JDOMParseException;
import org.jdom2.input.SAXBuilder;
import org.jdom2.input.sax.XMLReaders;
import org.jsoup.Jsoup;
import org.jsoup.helper.W3CDom;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;
import org.xml.sax.InputSource;
import org.xml.sax.SAXParseException;

/**
 * Healed feed text to a JDOM document for Rome: strictly first, with DOCTYPEs refused and no entity
 * or DTD ever loaded (the settings Rome's own {@code WireFeedInput} uses, plus secure processing);
 * when that fails, leniently through jsoup's XML parser, which closes what was left open. A lenient
 * read is kept only when it holds at least one complete item, entry or channel (an item cut off is
 * dropped), so a feed cut off before any of these is still an error with the strict parser's line
 * and column.
 */
final class FeedXml {
    private FeedXml() {
    }

    static Document read(String xml, Warnings warnings) throws FeedParseException {
        String reason;
        Exception cause;
        try {
            return strictBuilder().build(new StringReader(xml));
        } catch (JDOMParseException e) {
            reason = reason(e);
            cause = e;
        } catch (JDOMException | IOException e) {
            reason = "XML could not be read: " + e.getMessage();
            cause = e;
        } catch (IllegalArgumentException e) {
            // JDOM checks names and namespace URIs beyond what the XML parser does (IllegalNameException).
            reason = "XML that JDOM refuses: " + e.getMessage();
            cause = e;
        }
        Document lenient = lenient(xml, warnings);
        if (lenient == null) {
            throw new FeedParseException(reason, cause);
        }
        warnings.add("recovered from " + reason);
        return lenient;
    }

    static SAXBuilder strictBuilder() {
        SAXBuilder b = new SAXBuilder(XMLReaders.NONVALIDATING);
        b.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        b.setFeature("http://xml.org/sax/features/external-general-entities", false);
        b.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
        b.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        b.setFeature("http://javax.xml.XMLConstants/feature/secure-processing", true);
        b.setExpandEntities(false);
        b.setEntityResolver((publicId, systemId) -> new InputSource(new StringReader("")));
        return b;
    }

    private static String reason(JDOMParseException e) {
        Throwable cause = e.getCause();
        String detail = cause instanceof SAXParseException ? cause.getMessage() : e.getMessage();
        if (e.getLineNumber() > 0) {
            return "ill-formed XML at line " + e.getLineNumber() + ", column " + e.getColumnNumber() + ": " + detail;
        }
        return "ill-formed XML: " + detail;
    }

    /** The lenient reading, or null when it holds no complete item or entry. */
    private static Document lenient(String xml, Warnings warnings) {
        try {
            return lenientOrNull(xml, warnings);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Document lenientOrNull(String xml, Warnings warnings) {
        Parser parser = Parser.xmlParser().setTrackPosition(true);
        org.jsoup.nodes.Document soup = Jsoup.parse(xml, "", parser);
        List<Element> cut = new ArrayList<>();
        int complete = 0;
        for (Element e : soup.getAllElements()) {
            String local = localName(e.tagName());
            boolean closed = e.endSourceRange().isTracked() && !e.endSourceRange().isImplicit();
            if (local.equals("item") || local.equals("entry")) {
                if (closed) {
                    complete++;
                } else {
                    cut.add(e);
                }
            } else if (local.equals("channel") && closed) {
                complete++;
            }
        }
        if (complete == 0) {
            return null;
        }
        for (Element e : cut) {
            warnings.add("dropped: an entry whose end tag is missing (feed cut off?)");
            e.remove();
        }
        return new DOMBuilder().build(W3CDom.convert(soup));
    }

    static String localName(String qualified) {
        int colon = qualified.indexOf(':');
        return colon < 0 ? qualified : qualified.substring(colon + 1);
    }
}
