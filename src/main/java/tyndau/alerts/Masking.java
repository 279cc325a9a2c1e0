package tyndau.alerts;

import java.net.URI;
import java.util.List;

/**
 * Reads of rules and alerts are open (only writes need the API key), so what is secret in a
 * channel is never shown: a webhook URL often carries a token in its path (it is shown as its
 * origin), and recipients are personal data (shown as {@code a…@example.org}).
 */
final class Masking {
    static final String MARK = "…";

    private Masking() {
    }

    static String origin(String url) {
        URI u = URI.create(url);
        return u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
    }

    static String address(String email) {
        int at = email.indexOf('@');
        return at <= 0 ? MARK : email.charAt(0) + MARK + email.substring(at);
    }

    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+");
    private static final java.util.regex.Pattern URL = java.util.regex.Pattern.compile("https?://[^\\s\"'<>]+");

    /**
     * An error as the public may read it: a mail server's "550 <desk@example.org> rejected" or an
     * exception quoting the webhook URL would otherwise hand out recipients and webhook tokens.
     */
    static String error(String text) {
        if (text == null) {
            return null;
        }
        String masked = EMAIL.matcher(text).replaceAll(m -> java.util.regex.Matcher.quoteReplacement(address(m.group())));
        return URL.matcher(masked).replaceAll(m -> {
            try {
                return java.util.regex.Matcher.quoteReplacement(origin(m.group()) + "/" + MARK);
            } catch (IllegalArgumentException e) {
                return MARK;
            }
        });
    }

    static List<String> addresses(List<String> emails) {
        return emails.stream().map(Masking::address).toList();
    }
}
