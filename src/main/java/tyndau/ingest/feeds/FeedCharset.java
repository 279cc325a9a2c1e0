package tyndau.ingest.feeds;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bytes to text, the character set taken in order from the HTTP {@code Content-Type} charset, a byte
 * order mark, the XML declaration, then sniffing (RFC 7303 section 3 and XML 1.0 appendix F give the
 * first three). A declared charset that the bytes contradict (invalid UTF-8 labelled utf-8, text
 * that holds no markup) is passed over with a warning, so a windows-1251 feed served as utf-8 still
 * reads as Cyrillic.
 */
final class FeedCharset {
    private static final Pattern HEADER_CHARSET = Pattern.compile("(?i)charset\\s*=\\s*[\"']?\\s*([^\"';,\\s]+)");
    private static final Pattern DECLARED = Pattern.compile("^\\s*<\\?xml[^>]*?encoding\\s*=\\s*[\"']([A-Za-z0-9._:+-]+)[\"']");
    private static final Charset UTF_32BE = Charset.forName("UTF-32BE");
    private static final Charset UTF_32LE = Charset.forName("UTF-32LE");
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    record Decoded(String text, String charset) {
    }

    private FeedCharset() {
    }

    static Decoded decode(byte[] body, String contentType, Warnings warnings) {
        Optional<String> header = headerCharset(contentType);
        if (header.isPresent()) {
            Optional<Decoded> d = declared(body, header.get(), "HTTP charset", warnings);
            if (d.isPresent()) {
                return d.get();
            }
        }
        Optional<Decoded> bom = byBom(body);
        if (bom.isPresent()) {
            return bom.get();
        }
        Charset family = family(body);
        String declaration = declaredEncoding(body, family);
        if (declaration != null) {
            String name = declaration.toLowerCase(Locale.ROOT);
            // A declaration of utf-16 read through 8-bit bytes (or the reverse) describes some other
            // copy of the document: the bytes in hand decide the family (XML 1.0 appendix F).
            boolean wide = name.startsWith("utf-16") || name.startsWith("utf-32") || name.equals("ucs-2");
            if (family != null) {
                return new Decoded(stripBom(new String(body, family)), family.name());
            }
            if (!wide) {
                Optional<Decoded> d = declared(body, declaration, "XML declaration", warnings);
                if (d.isPresent()) {
                    return d.get();
                }
            }
        } else if (family != null) {
            return new Decoded(stripBom(new String(body, family)), family.name());
        }
        return sniff(body, warnings);
    }

    static Optional<String> headerCharset(String contentType) {
        if (contentType == null) {
            return Optional.empty();
        }
        Matcher m = HEADER_CHARSET.matcher(contentType);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    /** The bytes read in a charset someone declared, when that charset exists and fits the bytes. */
    private static Optional<Decoded> declared(byte[] body, String name, String by, Warnings warnings) {
        Charset cs;
        try {
            cs = Charset.forName(name.trim());
        } catch (IllegalArgumentException e) {
            warnings.add("unknown charset '" + name + "' in " + by + " ignored");
            return Optional.empty();
        }
        boolean unicode = cs.name().startsWith("UTF-");
        boolean high = hasBytesIn(body, 0x80, 0xff);
        if (!unicode && high && isUtf8(body)) {
            // Non-ASCII text in some other set is practically never valid UTF-8; a server's default
            // label on a CMS's UTF-8 output is common.
            warnings.add(by + " " + name + " does not fit the bytes: read as UTF-8");
            return Optional.of(new Decoded(stripBom(new String(body, StandardCharsets.UTF_8)), "UTF-8"));
        }
        if (isLatinLabel(cs) && high) {
            // Servers label Cyrillic pages with their default charset too: a Latin label is checked
            // against the sniffer; windows-1252 stands in for ISO-8859-1 and ASCII as in browsers
            // (WHATWG Encoding), since C1 control characters are never meant.
            Charset fit = CharsetSniffer.guess(body).charset();
            if (!isLatinLabel(fit)) {
                warnings.add(by + " " + name + " does not fit the bytes: read as " + fit.name());
                return Optional.of(new Decoded(stripBom(new String(body, fit)), fit.name()));
            }
            if (!cs.name().equals("ISO-8859-1") || hasBytesIn(body, 0x80, 0x9f)) {
                cs = WINDOWS_1252;
            }
        }
        if (cs.name().equals("UTF-16") || cs.name().equals("UTF-32")) {
            Optional<Decoded> bom = byBom(body);
            if (bom.isPresent()) {
                return bom;
            }
            Charset family = family(body);
            if (family != null) {
                return Optional.of(new Decoded(stripBom(new String(body, family)), family.name()));
            }
        }
        Optional<String> text = strict(body, cs);
        if (text.isEmpty() || !holdsMarkup(text.get())) {
            warnings.add(by + " " + name + " does not fit the bytes: ignored");
            return Optional.empty();
        }
        return Optional.of(new Decoded(stripBom(text.get()), cs.name()));
    }

    private static Optional<Decoded> byBom(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0xFE, 0xFF)) {
            return Optional.of(new Decoded(new String(b, 4, b.length - 4, UTF_32BE), UTF_32BE.name()));
        }
        if (startsWith(b, 0xFF, 0xFE, 0x00, 0x00)) {
            return Optional.of(new Decoded(new String(b, 4, b.length - 4, UTF_32LE), UTF_32LE.name()));
        }
        if (startsWith(b, 0xEF, 0xBB, 0xBF)) {
            return Optional.of(new Decoded(new String(b, 3, b.length - 3, StandardCharsets.UTF_8), "UTF-8"));
        }
        if (startsWith(b, 0xFE, 0xFF)) {
            return Optional.of(new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE"));
        }
        if (startsWith(b, 0xFF, 0xFE)) {
            return Optional.of(new Decoded(new String(b, 2, b.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE"));
        }
        return Optional.empty();
    }

    /** UTF-16 or UTF-32 recognised from how {@code <} is laid out in the first bytes (XML 1.0 appendix F); null for 8-bit. */
    private static Charset family(byte[] b) {
        if (startsWith(b, 0x00, 0x00, 0x00, 0x3C)) {
            return UTF_32BE;
        }
        if (startsWith(b, 0x3C, 0x00, 0x00, 0x00)) {
            return UTF_32LE;
        }
        if (startsWith(b, 0x00, 0x3C, 0x00) || startsWith(b, 0x00, 0x20, 0x00) || startsWith(b, 0x00, 0x0A, 0x00)) {
            return StandardCharsets.UTF_16BE;
        }
        if (startsWith(b, 0x3C, 0x00) && b.length > 2 && b[2] != 0 || startsWith(b, 0x20, 0x00, 0x3C) || startsWith(b, 0x0A, 0x00, 0x3C)) {
            return StandardCharsets.UTF_16LE;
        }
        return null;
    }

    private static String declaredEncoding(byte[] body, Charset family) {
        int n = Math.min(body.length, 1024);
        String head = family == null ? new String(body, 0, n, StandardCharsets.ISO_8859_1)
                : new String(body, 0, n - n % 4, family);
        Matcher m = DECLARED.matcher(stripBom(head));
        return m.find() ? m.group(1) : null;
    }

    private static Decoded sniff(byte[] body, Warnings warnings) {
        Optional<String> utf8 = strict(body, StandardCharsets.UTF_8);
        if (utf8.isPresent()) {
            return new Decoded(stripBom(utf8.get()), "UTF-8");
        }
        CharsetSniffer.Guess guess = CharsetSniffer.guess(body);
        Charset cs = guess.charset();
        warnings.add("no usable charset declared: guessed " + cs.name()
                + (guess.confident() ? "" : " with low confidence (only Cyrillic and Latin sets are sniffed)"));
        return new Decoded(stripBom(new String(body, cs)), cs.name());
    }

    static boolean isUtf8(byte[] body) {
        return strict(body, StandardCharsets.UTF_8).isPresent();
    }

    private static Optional<String> strict(byte[] body, Charset cs) {
        try {
            CharBuffer out = cs.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body));
            return Optional.of(out.toString());
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }

    /** A feed has a {@code <} early on; text decoded in the wrong width (UTF-16 read from ASCII) has none. */
    private static boolean holdsMarkup(String text) {
        int limit = Math.min(text.length(), 4096);
        return text.isEmpty() || text.substring(0, limit).indexOf('<') >= 0;
    }

    private static boolean isLatinLabel(Charset cs) {
        return cs.name().equals("US-ASCII") || cs.name().equals("ISO-8859-1") || cs.equals(WINDOWS_1252);
    }

    private static boolean hasBytesIn(byte[] body, int from, int to) {
        for (byte b : body) {
            int v = b & 0xff;
            if (v >= from && v <= to) {
                return true;
            }
        }
        return false;
    }

    private static boolean startsWith(byte[] b, int... prefix) {
        if (b.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((b[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static String stripBom(String s) {
        return !s.isEmpty() && s.charAt(0) == '\uFEFF' ? s.substring(1) : s;
    }
}
