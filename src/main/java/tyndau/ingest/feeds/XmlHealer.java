package tyndau.ingest.feeds;

import java.nio.charset.Charset;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Entities;

/**
 * Makes feed text fit for a strict XML parser without resolving anything: the DOCTYPE is removed (so
 * no DTD, external entity or entity expansion ever reaches the parser), an entity that the DOCTYPE
 * declared is replaced by its literal text only when that text refers to no other entity (a
 * declaration built from other entities, the billion-laughs pattern, is refused outright), external
 * entities become nothing, HTML entities such as {@code &nbsp;} become character references, a bare
 * {@code &} or {@code <} in text is escaped, characters XML 1.0 forbids are dropped, and anything
 * before the first markup is cut. Line breaks are kept so that the parser's line numbers still point
 * into the original.
 */
final class XmlHealer {
    /** Characters that substituted entities may add in all; past that the feed is refused. */
    static final int MAX_EXPANSION = 1_000_000;
    /**
     * Element nesting past which a feed is refused: Rome and JDOM recurse per level, so a body of
     * 100,000 nested tags overflows the stack or takes seconds; real feeds nest a few dozen deep.
     */
    static final int MAX_DEPTH = 500;
    /** How far into the text an XML declaration is looked for behind garbage. */
    static final int DECLARATION_SEARCH = 64 * 1024;
    private static final Pattern ENTITY_DECL = Pattern.compile(
            "<!ENTITY\\s+(%\\s+)?([^\\s\"'>]+)\\s+(?:(SYSTEM|PUBLIC)\\b((?:\\s*(?:\"[^\"]*\"|'[^']*'))*)|\"([^\"]*)\"|'([^']*)')");
    private static final Pattern QUOTED = Pattern.compile("\"([^\"]*)\"|'([^']*)'");
    private static final Pattern NAMED_REF = Pattern.compile("[&%][A-Za-z_:][A-Za-z0-9._:-]*;");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    record Healed(String xml, String rootName) {
    }

    private final String in;
    private final Warnings warnings;
    private final StringBuilder out;
    private final Map<String, String> internal = new HashMap<>();
    private final Map<String, String> external = new HashMap<>();
    private int line = 1;
    private int expanded;
    private String root;
    private int depth;
    private boolean inStartTag;
    private char quote;

    private XmlHealer(String in, Warnings warnings) {
        this.in = in;
        this.warnings = warnings;
        this.out = new StringBuilder(in.length() + 64);
    }

    static Healed heal(String text, Warnings warnings) throws FeedParseException {
        XmlHealer h = new XmlHealer(text, warnings);
        h.run();
        return new Healed(h.out.toString(), h.root);
    }

    private void run() throws FeedParseException {
        int i = skipToMarkup();
        int n = in.length();
        while (i < n) {
            char c = in.charAt(i);
            if (inStartTag) {
                startTag(c, i);
            }
            if (c == '<' && quote == 0) {
                i = markup(i);
            } else if (c == '<') {
                warnings.fold("recovered: unescaped < in an attribute value", where());
                out.append("&lt;");
                i++;
            } else if (c == '&') {
                i = reference(i);
            } else {
                if (c == '\n') {
                    line++;
                }
                if (isXmlChar(c)) {
                    out.append(c);
                } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(in.charAt(i + 1))) {
                    out.append(c).append(in.charAt(++i));
                } else {
                    warnings.fold("removed: character U+" + String.format("%04X", (int) c) + " not allowed in XML", where());
                }
                i++;
            }
        }
    }

    /**
     * Position of the first markup; what precedes it (garbage, a stray BOM) is replaced by its line
     * breaks. An XML declaration further on marks where the document starts, since it may stand
     * nowhere else: what precedes it is garbage even when it holds tags (PHP's HTML-formatted
     * warnings before the feed).
     */
    private int skipToMarkup() {
        int n = in.length();
        int i = 0;
        while (i < n) {
            if (in.charAt(i) == '<' && i + 1 < n && isMarkupStart(in.charAt(i + 1))) {
                break;
            }
            i++;
        }
        if (i == n) {
            return n;
        }
        int declaration = in.indexOf("<?xml", i);
        if (declaration > i && declaration < DECLARATION_SEARCH && !in.startsWith("<?xml", i)
                && declaration + 5 < n && Character.isWhitespace(in.charAt(declaration + 5))) {
            i = declaration;
        }
        String prefix = in.substring(0, i);
        if (!prefix.replace("\uFEFF", "").isBlank()) {
            warnings.add("recovered: " + prefix.strip().length() + " characters before the XML dropped");
        }
        newlinesOf(0, i);
        return i;
    }

    private int markup(int i) throws FeedParseException {
        if (in.startsWith("<!--", i)) {
            return verbatimUntil(i, "-->");
        }
        if (in.startsWith("<![CDATA[", i)) {
            return verbatimUntil(i, "]]>");
        }
        if (in.startsWith("<?", i)) {
            int end = in.indexOf("?>", i + 2);
            end = end < 0 ? in.length() : end + 2;
            String target = name(i + 2);
            if (target.equalsIgnoreCase("xml")) {
                // The declaration's encoding has already been applied; the parser reads characters.
                newlinesOf(i, end);
                return end;
            }
            return verbatimUntil(i, "?>");
        }
        if (in.regionMatches(true, i, "<!DOCTYPE", 0, 9)) {
            return doctype(i);
        }
        char next = i + 1 < in.length() ? in.charAt(i + 1) : ' ';
        if (next == '/' || next == '!' || isNameStart(next)) {
            if (root == null && isNameStart(next)) {
                root = name(i + 1);
            }
            if (next == '/') {
                depth--;
            } else if (next != '!') {
                inStartTag = true;
            }
            out.append('<');
            return i + 1;
        }
        warnings.fold("recovered: unescaped <", where());
        out.append("&lt;");
        return i + 1;
    }

    /** Follows a start tag to its end, outside quoted attribute values, to count nesting. */
    private void startTag(char c, int i) throws FeedParseException {
        if (quote != 0) {
            if (c == quote) {
                quote = 0;
            }
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            inStartTag = false;
            if (in.charAt(i - 1) != '/' && ++depth > MAX_DEPTH) {
                throw new FeedParseException("refused: elements nested deeper than " + MAX_DEPTH + " levels (at " + where() + ")");
            }
        } else if (c == '<') {
            inStartTag = false; // a tag never closed: the parser will say so
        }
    }

    private int doctype(int start) throws FeedParseException {
        int n = in.length();
        int depth = 0;
        char quote = 0;
        int subsetStart = -1;
        int subsetEnd = -1;
        int i = start + 9;
        for (; i < n; i++) {
            char c = in.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '[') {
                if (depth++ == 0) {
                    subsetStart = i + 1;
                }
            } else if (c == ']') {
                if (--depth == 0) {
                    subsetEnd = i;
                }
            } else if (c == '>' && depth <= 0) {
                break;
            }
        }
        int end = Math.min(i + 1, n);
        if (subsetStart >= 0) {
            declarations(in.substring(subsetStart, subsetEnd >= 0 ? subsetEnd : end));
        }
        newlinesOf(start, end);
        return end;
    }

    private void declarations(String subset) throws FeedParseException {
        Matcher m = ENTITY_DECL.matcher(subset);
        while (m.find()) {
            if (m.group(1) != null) {
                continue; // parameter entities only shape a DTD, which is never read
            }
            String name = m.group(2);
            if (m.group(3) != null) {
                Matcher q = QUOTED.matcher(m.group(4));
                String system = null;
                while (q.find()) {
                    system = q.group(1) != null ? q.group(1) : q.group(2);
                }
                external.put(name, system == null ? "" : system);
                warnings.add("DOCTYPE declares external entity &" + name + ";"
                        + (system == null ? "" : " (" + system + ")") + ": never resolved, references dropped");
                continue;
            }
            String value = m.group(5) != null ? m.group(5) : m.group(6);
            Matcher ref = NAMED_REF.matcher(value);
            if (ref.find()) {
                throw new FeedParseException("refused: the DOCTYPE declares entity &" + name + "; built from "
                        + ref.group() + "; entities are never expanded (entity-expansion attack guard)");
            }
            internal.put(name, value.replace("<", "&lt;"));
        }
    }

    private int reference(int i) {
        int n = in.length();
        int j = i + 1;
        if (j < n && in.charAt(j) == '#') {
            int k = j + 1;
            boolean hex = k < n && (in.charAt(k) == 'x' || in.charAt(k) == 'X');
            if (hex) {
                k++;
            }
            int digitsStart = k;
            while (k < n && k - digitsStart < 8 && Character.digit(in.charAt(k), hex ? 16 : 10) >= 0) {
                k++;
            }
            if (k > digitsStart && k < n && in.charAt(k) == ';') {
                int cp = Integer.parseInt(in.substring(digitsStart, k), hex ? 16 : 10);
                if (cp >= 0x80 && cp <= 0x9f) {
                    // Windows-1252 code points written as references (&#151; for an em dash), as browsers read them.
                    cp = new String(new byte[] {(byte) cp}, WINDOWS_1252).codePointAt(0);
                }
                if (isXmlCodePoint(cp)) {
                    out.append("&#").append(cp).append(';');
                } else {
                    warnings.fold("removed: reference to a character not allowed in XML", where());
                }
                return k + 1;
            }
        } else if (j < n && isNameStart(in.charAt(j))) {
            String name = name(j);
            int k = j + name.length();
            if (k < n && in.charAt(k) == ';') {
                entity(name);
                return k + 1;
            }
        }
        warnings.fold("recovered: unescaped &", where());
        out.append("&amp;");
        return i + 1;
    }

    private void entity(String name) {
        switch (name) {
            case "amp", "lt", "gt", "quot", "apos" -> out.append('&').append(name).append(';');
            default -> {
                String value = internal.get(name);
                if (value != null && expanded + value.length() <= MAX_EXPANSION) {
                    expanded += value.length();
                    out.append(value);
                } else if (value != null) {
                    warnings.fold("refused: entity expansion beyond " + MAX_EXPANSION + " characters, &" + name + "; dropped", where());
                } else if (external.containsKey(name)) {
                    warnings.fold("dropped: reference to external entity &" + name + ";", where());
                } else if (Entities.isNamedEntity(name)) {
                    warnings.fold("recovered: HTML entity &" + name + "; undefined in XML", where());
                    Entities.getByName(name).codePoints().forEach(cp -> out.append("&#").append(cp).append(';'));
                } else {
                    warnings.fold("recovered: undefined entity &" + name + "; kept as text", where());
                    out.append("&amp;").append(name).append(';');
                }
            }
        }
    }

    private int verbatimUntil(int i, String terminator) {
        int end = in.indexOf(terminator, i + 2);
        end = end < 0 ? in.length() : end + terminator.length();
        for (int k = i; k < end; k++) {
            char c = in.charAt(k);
            if (c == '\n') {
                line++;
            }
            if (isXmlChar(c) || Character.isSurrogate(c)) {
                out.append(c);
            }
        }
        return end;
    }

    private void newlinesOf(int from, int to) {
        for (int k = from; k < to; k++) {
            if (in.charAt(k) == '\n') {
                out.append('\n');
                line++;
            }
        }
    }

    private String name(int from) {
        int k = from;
        while (k < in.length() && k - from < 256 && isNameChar(in.charAt(k))) {
            k++;
        }
        return in.substring(from, k);
    }

    private String where() {
        return "line " + line;
    }

    private static boolean isMarkupStart(char c) {
        return c == '?' || c == '!' || isNameStart(c);
    }

    private static boolean isNameStart(char c) {
        return Character.isLetter(c) || c == '_' || c == ':';
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == ':' || c == '-' || c == '.';
    }

    private static boolean isXmlChar(char c) {
        return c >= 0x20 && c < 0xD800 || c == '\n' || c == '\t' || c == '\r' || c >= 0xE000 && c <= 0xFFFD;
    }

    private static boolean isXmlCodePoint(int cp) {
        return cp == 0x9 || cp == 0xA || cp == 0xD || cp >= 0x20 && cp <= 0xD7FF
                || cp >= 0xE000 && cp <= 0xFFFD || cp >= 0x10000 && cp <= 0x10FFFF;
    }
}
