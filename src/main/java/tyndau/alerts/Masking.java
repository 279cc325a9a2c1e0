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

    static List<String> addresses(List<String> emails) {
        return emails.stream().map(Masking::address).toList();
    }
}
