package tyndau.ingest.feeds;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.jdom2.Element;
import org.jdom2.Namespace;

/**
 * Links of a feed made absolute: xml:base (XML Base, RFC 3986 section 5 resolution) applied from the
 * outermost element in, over the feed's own URL; only http and https links are kept, so a
 * {@code javascript:} or {@code file:} link never reaches a fetcher. Characters that browsers
 * tolerate in links but {@link URI} does not (spaces, non-ASCII, {@code |}) are percent-encoded first.
 */
final class Links {
    private Links() {
    }

    static Optional<String> resolve(URI base, String raw) {
        Optional<URI> uri = parse(raw);
        if (uri.isEmpty()) {
            return Optional.empty();
        }
        URI u = uri.get();
        if (!u.isAbsolute()) {
            if (base == null || !isHttp(base) || base.isOpaque()) {
                return Optional.empty();
            }
            try {
                u = base.resolve(u);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return isHttp(u) && u.getHost() != null ? Optional.of(u.toString()) : Optional.empty();
    }

    static Optional<URI> absoluteHttp(String raw) {
        return parse(raw).filter(u -> u.isAbsolute() && isHttp(u) && u.getHost() != null);
    }

    /** {@code start} with the xml:base attributes of {@code element} and its ancestors applied, outermost first. */
    static URI xmlBase(Element element, URI start) {
        List<String> bases = new ArrayList<>();
        for (Element e = element; e != null; e = e.getParentElement()) {
            String b = e.getAttributeValue("base", Namespace.XML_NAMESPACE);
            if (b != null && !b.isBlank()) {
                bases.add(b);
            }
        }
        Collections.reverse(bases);
        URI current = start;
        for (String b : bases) {
            Optional<URI> u = parse(b);
            if (u.isEmpty()) {
                continue;
            }
            if (u.get().isAbsolute()) {
                current = u.get();
            } else if (current != null && !current.isOpaque()) {
                try {
                    current = current.resolve(u.get());
                } catch (IllegalArgumentException e) {
                    // an unusable base leaves the outer one in force
                }
            }
        }
        return current;
    }

    private static Optional<URI> parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return Optional.empty();
        }
        String s = raw.strip();
        try {
            return Optional.of(new URI(s));
        } catch (URISyntaxException e) {
            try {
                return Optional.of(new URI(encodeIllegal(s)));
            } catch (URISyntaxException again) {
                return Optional.empty();
            }
        }
    }

    private static String encodeIllegal(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > 0x20 && c < 0x7f && "\"<>\\^`{|}".indexOf(c) < 0) {
                out.append(c);
            } else {
                int end = Character.isHighSurrogate(c) && i + 1 < s.length() ? i + 2 : i + 1;
                for (byte b : s.substring(i, end).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(String.format("%02X", b & 0xff));
                }
                i = end - 1;
            }
        }
        return out.toString();
    }

    private static boolean isHttp(URI u) {
        String scheme = u.getScheme();
        return scheme != null && (scheme.toLowerCase(Locale.ROOT).equals("http") || scheme.toLowerCase(Locale.ROOT).equals("https"));
    }
}
