package tyndau.ingest.sources;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules of one robots.txt (RFC 9309) for one user-agent token: the group naming the token, or
 * else the {@code *} group; the longest matching Allow/Disallow path wins, Allow on a tie;
 * {@code *} and a final {@code $} are understood.
 */
final class RobotsTxt {
    static final RobotsTxt ALLOW_ALL = new RobotsTxt(List.of());
    static final RobotsTxt DISALLOW_ALL = new RobotsTxt(List.of(new Rule(false, "/")));

    record Rule(boolean allow, String pattern) {
    }

    private final List<Rule> rules;

    private RobotsTxt(List<Rule> rules) {
        this.rules = rules;
    }

    static RobotsTxt parse(byte[] body, String agentToken) {
        String text = new String(body, StandardCharsets.UTF_8);
        String token = agentToken.toLowerCase(Locale.ROOT);
        List<Rule> mine = new ArrayList<>();
        List<Rule> star = new ArrayList<>();
        boolean mineFound = false;
        List<String> agents = new ArrayList<>();
        boolean inRules = false;
        List<Rule> current = new ArrayList<>();
        for (String raw : text.split("\r\n|\r|\n")) {
            String line = raw.replaceFirst("#.*", "").trim();
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String key = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            if (key.equals("user-agent")) {
                if (inRules) {
                    mineFound |= assign(agents, current, token, mine, star);
                    agents = new ArrayList<>();
                    current = new ArrayList<>();
                    inRules = false;
                }
                agents.add(value.toLowerCase(Locale.ROOT));
            } else if (key.equals("allow") || key.equals("disallow")) {
                inRules = true;
                if (!value.isEmpty()) {
                    current.add(new Rule(key.equals("allow"), value));
                }
            }
        }
        mineFound |= assign(agents, current, token, mine, star);
        return new RobotsTxt(mineFound ? mine : star);
    }

    private static boolean assign(List<String> agents, List<Rule> rules, String token, List<Rule> mine, List<Rule> star) {
        boolean named = agents.stream().anyMatch(a -> !a.equals("*") && token.startsWith(a));
        if (named) {
            mine.addAll(rules);
        } else if (agents.contains("*")) {
            star.addAll(rules);
        }
        return named;
    }

    /** Whether a path with query (e.g. {@code /news/1?page=2}) may be fetched. */
    boolean allows(String pathAndQuery) {
        String path = pathAndQuery == null || pathAndQuery.isEmpty() ? "/" : pathAndQuery;
        Rule best = null;
        int bestLength = -1;
        for (Rule r : rules) {
            if (matches(r.pattern(), path)) {
                int length = r.pattern().length();
                if (length > bestLength || length == bestLength && r.allow()) {
                    best = r;
                    bestLength = length;
                }
            }
        }
        return best == null || best.allow();
    }

    private static boolean matches(String pattern, String path) {
        boolean anchored = pattern.endsWith("$");
        String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
        return match(p, 0, path, 0, anchored);
    }

    private static boolean match(String p, int i, String s, int j, boolean anchored) {
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '*') {
                for (int k = j; k <= s.length(); k++) {
                    if (match(p, i + 1, s, k, anchored)) {
                        return true;
                    }
                }
                return false;
            }
            if (j >= s.length() || s.charAt(j) != c) {
                return false;
            }
            i++;
            j++;
        }
        return !anchored || j == s.length();
    }
}
