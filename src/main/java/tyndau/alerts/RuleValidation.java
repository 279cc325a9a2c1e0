package tyndau.alerts;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import tyndau.http.ApiException;

/** Turns a {@link RuleView} into a {@link Rule}, or a 400 that says what is wrong. */
final class RuleValidation {
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s,;<>]+@[^@\\s,;<>]+\\.[^@\\s,;<>]+");
    static final int MIN_SECRET = 16;
    static final int MAX_RECIPIENTS = 20;

    /** Bounds of each parameter: {min, max, 1 when it must be a whole number}. */
    private static final Map<String, double[]> BOUNDS = Map.of(
            "days", new double[] {1, 365, 1},
            "threshold", new double[] {0.5, 100, 0},
            "minDocs", new double[] {1, 100_000, 1},
            "balloonDays", new double[] {1, 365, 1},
            "windowHours", new double[] {1, 168, 1});

    private RuleValidation() {
    }

    /**
     * @param existing the stored rule this one replaces, whose webhook secret is kept when the new
     *                 view names the same webhook without one (a rule read back never shows its secret)
     */
    static Rule validate(RuleView v, Optional<Rule> existing, Predicate<String> topicExists) {
        return validate(v, existing, topicExists, s -> false);
    }

    /** As above; {@code savedSearchExists} judges the saved search a new-match rule watches. */
    static Rule validate(RuleView v, Optional<Rule> existing, Predicate<String> topicExists, Predicate<String> savedSearchExists) {
        if (v.id() == null || !ID.matcher(v.id()).matches()) {
            throw ApiException.badRequest("'id' must be a slug of lower-case letters, digits, '-' or '_' (at most 64)");
        }
        RuleKind kind = RuleKind.of(v.kind()).orElseThrow(() ->
                ApiException.badRequest("'kind' must be one of " + RuleKind.names()));
        if (v.label() != null && v.label().length() > 255) {
            throw ApiException.badRequest("'label' is longer than 255 characters");
        }
        List<String> topics = new ArrayList<>();
        for (String t : v.topics() == null ? List.<String>of() : v.topics()) {
            if (t == null || !topicExists.test(t)) {
                throw ApiException.badRequest("'topics' names '" + t + "', which is not a topic (GET /api/topics lists them)");
            }
            if (!topics.contains(t)) {
                topics.add(t);
            }
        }
        if (kind == RuleKind.NEW_MATCH && !topics.isEmpty()) {
            throw ApiException.badRequest("'topics' is not used by new-match, which watches the saved search in 'params.savedSearch'");
        }
        Map<String, Object> params = params(kind, v.params(), savedSearchExists);
        String url = null;
        String secret = null;
        List<String> email = List.of();
        if (v.channels() != null) {
            if (Boolean.FALSE.equals(v.channels().sse())) {
                throw ApiException.badRequest("'channels.sse' cannot be turned off: every alert is on /api/alerts/stream");
            }
            RuleView.Webhook w = v.channels().webhook();
            if (w != null) {
                url = webhookUrl(w.url());
                secret = w.secret();
                if (secret == null && existing.isPresent() && existing.get().webhookSecret() != null) {
                    secret = existing.get().webhookSecret();
                }
                if (secret == null || secret.length() < MIN_SECRET || secret.length() > 512) {
                    throw ApiException.badRequest("'channels.webhook.secret' is required: " + MIN_SECRET
                            + " to 512 characters, the key of the HMAC-SHA256 signature");
                }
            }
            email = recipients(v.channels().email());
        }
        return new Rule(v.id(), kind, v.label() == null || v.label().isBlank() ? null : v.label().trim(),
                v.enabled() == null || v.enabled(), List.copyOf(topics), params, url, secret, email);
    }

    private static Map<String, Object> params(RuleKind kind, Map<String, Object> given, Predicate<String> savedSearchExists) {
        Map<String, Object> out = new LinkedHashMap<>();
        Map<String, Object> in = given == null ? Map.of() : given;
        for (Map.Entry<String, Object> e : in.entrySet()) {
            if (!kind.params.contains(e.getKey())) {
                throw ApiException.badRequest("'params." + e.getKey() + "' is not a parameter of " + kind.wire
                        + (kind.params.isEmpty() ? " (it has none)" : " (it takes " + String.join(", ", kind.params) + ")"));
            }
            if (e.getKey().equals("savedSearch")) {
                if (!(e.getValue() instanceof String s) || !ID.matcher(s).matches() || !savedSearchExists.test(s)) {
                    throw ApiException.badRequest("'params.savedSearch' must name a saved search (GET /api/saved-searches lists them)");
                }
                out.put(e.getKey(), s);
                continue;
            }
            double[] b = BOUNDS.get(e.getKey());
            if (!(e.getValue() instanceof Number n) || Double.isNaN(n.doubleValue()) || n.doubleValue() < b[0]
                    || n.doubleValue() > b[1] || (b[2] == 1 && n.doubleValue() != Math.rint(n.doubleValue()))) {
                throw ApiException.badRequest("'params." + e.getKey() + "' must be a " + (b[2] == 1 ? "whole " : "")
                        + "number from " + fmt(b[0]) + " to " + fmt(b[1]));
            }
            out.put(e.getKey(), b[2] == 1 ? (Object) n.intValue() : (Object) n.doubleValue());
        }
        for (String r : kind.required) {
            if (!out.containsKey(r)) {
                throw ApiException.badRequest("'params." + r + "' is required for " + kind.wire);
            }
        }
        return java.util.Collections.unmodifiableMap(out);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }

    private static String webhookUrl(String url) {
        if (url == null || url.isBlank()) {
            throw ApiException.badRequest("'channels.webhook.url' is required (a rule read back shows only the webhook's origin: give the whole URL)");
        }
        try {
            URI u = new URI(url.trim());
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || u.getHost() == null || u.getUserInfo() != null) {
                throw ApiException.badRequest("'channels.webhook.url' must be an absolute http(s) URL with a host and no user:password");
            }
            return u.toString();
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("'channels.webhook.url' is not a URL: " + e.getReason());
        }
    }

    private static List<String> recipients(List<String> given) {
        if (given == null) {
            return List.of();
        }
        if (given.size() > MAX_RECIPIENTS) {
            throw ApiException.badRequest("'channels.email' lists more than " + MAX_RECIPIENTS + " recipients");
        }
        List<String> out = new ArrayList<>();
        for (String a : given) {
            if (a != null && a.contains(Masking.MARK)) {
                throw ApiException.badRequest("'channels.email' holds the masked address '" + a + "': give the full address");
            }
            if (a == null || !EMAIL.matcher(a.trim()).matches()) {
                throw ApiException.badRequest("'channels.email' holds '" + a + "', which is not an e-mail address");
            }
            if (!out.contains(a.trim())) {
                out.add(a.trim());
            }
        }
        return List.copyOf(out);
    }
}
