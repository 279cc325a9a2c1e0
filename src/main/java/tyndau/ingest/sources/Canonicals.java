package tyndau.ingest.sources;

import java.net.URI;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Which {@code rel=canonical} a page may claim. A canonical is a page's own statement about its
 * address, so it is believed only where it cannot take another page's place: on the page's own host
 * (a leading {@code www.} ignored on either side) or a host configured as the same site
 * ({@code tyndau.polling.canonical-aliases}) — a page on {@code blog.example.org} may not claim
 * {@code example.org}, whoever controls the subdomain; never the site's root or the list page it was
 * found from (a site-wide canonical would turn every article after the first into "same URL"); and
 * not when several pages of one run claim the same one.
 */
final class Canonicals {
    /** Host → the other hosts configured as the same site. */
    private final Map<String, Set<String>> aliases = new HashMap<>();

    /** {@code groups}: each a list of hosts, separated by spaces, that are one site. */
    Canonicals(List<String> groups) {
        for (String group : groups) {
            Set<String> hosts = new HashSet<>();
            for (String h : group.trim().split("\\s+")) {
                if (!h.isEmpty()) {
                    hosts.add(bare(h));
                }
            }
            hosts.forEach(h -> aliases.computeIfAbsent(h, k -> new HashSet<>()).addAll(hosts));
        }
    }

    /** The address to store a page under: its canonical when trusted, else the address it was fetched from. */
    String choose(String canonical, URI page, URI list, Map<String, Integer> claims) {
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

    boolean sameSite(String a, String b) {
        String x = bare(a);
        String y = bare(b);
        return x.equals(y) || aliases.getOrDefault(x, Set.of()).contains(y);
    }

    private static String bare(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        return h.startsWith("www.") ? h.substring(4) : h;
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }
}
