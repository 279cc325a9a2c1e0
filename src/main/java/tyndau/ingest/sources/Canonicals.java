package tyndau.ingest.sources;

import java.net.URI;
import java.util.Locale;
import java.util.Map;

/**
 * Which {@code rel=canonical} a page may claim. A canonical is a page's own statement about its
 * address, so it is believed only where it cannot take another page's place: on the page's own site
 * (the same host, or one a subdomain of the other), never the site's root or the list page it was
 * found from (a site-wide canonical would turn every article after the first into "same URL"), and
 * not when several pages of one run claim the same one.
 */
final class Canonicals {
    private Canonicals() {
    }

    /** The address to store a page under: its canonical when trusted, else the address it was fetched from. */
    static String choose(String canonical, URI page, URI list, Map<String, Integer> claims) {
        String own = page.toString();
        if (canonical == null) {
            return own;
        }
        URI c;
        try {
            c = URI.create(canonical);
        } catch (IllegalArgumentException e) {
            return own;
        }
        if (c.getHost() == null || page.getHost() == null || !sameSite(c.getHost(), page.getHost())) {
            return own;
        }
        String path = c.getPath() == null ? "" : c.getPath();
        if ((path.isEmpty() || path.equals("/")) && c.getQuery() == null) {
            return own;
        }
        if (list != null && stripSlash(canonical).equals(stripSlash(list.toString()))) {
            return own;
        }
        return claims.getOrDefault(canonical, 0) > 1 ? own : canonical;
    }

    static boolean sameSite(String a, String b) {
        String x = bare(a);
        String y = bare(b);
        return x.equals(y) || x.endsWith("." + y) || y.endsWith("." + x);
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
