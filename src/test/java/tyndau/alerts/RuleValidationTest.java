package tyndau.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tyndau.http.ApiException;

/** Every way a rule can be wrong is refused with a 400 that names the field. */
class RuleValidationTest {
    static final Set<String> TOPICS = Set.of("china", "xinjiang");
    static final String SECRET = "0123456789abcdef-secret";

    static Rule valid(RuleView v) {
        return RuleValidation.validate(v, Optional.empty(), TOPICS::contains);
    }

    static String refused(RuleView v) {
        ApiException e = assertThrows(ApiException.class, () -> valid(v));
        assertEquals(400, e.status());
        return e.getMessage();
    }

    static RuleView rule(String kind, Map<String, Object> params, RuleView.Channels channels) {
        return new RuleView("r1", kind, null, null, List.of("china"), params, channels, null, null);
    }

    @Test
    void acceptsEachKindWithItsParameters() {
        Rule r = valid(rule("unanswered", Map.of("days", 7, "threshold", 2.5), new RuleView.Channels(null,
                new RuleView.Webhook("https://hooks.example.org/t/abc", SECRET, null, null), List.of("desk@example.org"))));
        assertEquals(RuleKind.UNANSWERED, r.kind());
        assertEquals(7, r.intParam("days"));
        assertEquals(2.5, r.doubleParam("threshold"));
        assertTrue(r.enabled(), "enabled unless said otherwise");
        assertEquals("https://hooks.example.org/t/abc", r.webhookUrl());
        assertEquals(List.of("desk@example.org"), r.email());
        assertEquals(RuleKind.SENSITIVE_ANNOUNCEMENT, valid(rule("sensitive-announcement", null, null)).kind());
        assertEquals(RuleKind.TRIAL_BALLOON, valid(rule("trial-balloon", Map.of("balloonDays", 3), null)).kind());
        assertEquals(RuleKind.PUBLIC_SURGE, valid(rule("public-surge", Map.of("minDocs", 5), null)).kind());
    }

    @Test
    void refusesBadIdsKindsAndTopics() {
        assertTrue(refused(new RuleView("Bad Id", "public-surge", null, null, null, null, null, null, null)).contains("'id'"));
        assertTrue(refused(new RuleView(null, "public-surge", null, null, null, null, null, null, null)).contains("'id'"));
        assertTrue(refused(rule("surge", null, null)).contains("'kind' must be one of sensitive-announcement"));
        assertTrue(refused(rule(null, null, null)).contains("'kind'"));
        assertTrue(refused(new RuleView("r1", "public-surge", null, null, List.of("atlantis"), null, null, null, null))
                .contains("'atlantis'"));
    }

    @Test
    void refusesMissingUnknownAndOutOfRangeParameters() {
        assertTrue(refused(rule("unanswered", Map.of(), null)).contains("'params.days' is required"));
        assertTrue(refused(rule("unanswered", Map.of("days", 0), null)).contains("from 1 to 365"));
        assertTrue(refused(rule("unanswered", Map.of("days", 2.5), null)).contains("whole number"));
        assertTrue(refused(rule("unanswered", Map.of("days", "7"), null)).contains("'params.days'"));
        assertTrue(refused(rule("public-surge", Map.of("days", 7), null)).contains("not a parameter of public-surge"));
        assertTrue(refused(rule("public-surge", Map.of("threshold", 0.1), null)).contains("'params.threshold'"));
        assertTrue(refused(rule("sensitive-announcement", Map.of("windowHours", 500), null)).contains("from 1 to 168"));
    }

    @Test
    void refusesBadChannels() {
        assertTrue(refused(rule("public-surge", null, new RuleView.Channels(false, null, null))).contains("'channels.sse'"));
        assertTrue(refused(rule("public-surge", null, new RuleView.Channels(null,
                new RuleView.Webhook("ftp://example.org/x", SECRET, null, null), null))).contains("http(s)"));
        assertTrue(refused(rule("public-surge", null, new RuleView.Channels(null,
                new RuleView.Webhook("https://user:pw@example.org/x", SECRET, null, null), null))).contains("user:password"));
        assertTrue(refused(rule("public-surge", null, new RuleView.Channels(null,
                new RuleView.Webhook(null, SECRET, "https://example.org", true), null))).contains("whole URL"));
        assertTrue(refused(rule("public-surge", null, new RuleView.Channels(null,
                new RuleView.Webhook("https://example.org/x", "short", null, null), null))).contains("secret"));
        assertTrue(refused(rule("public-surge", null, new RuleView.Channels(null, null, List.of("not-an-address"))))
                .contains("not an e-mail address"));
        assertTrue(refused(rule("public-surge", null, new RuleView.Channels(null, null, List.of("d…@example.org"))))
                .contains("masked"));
    }

    @Test
    void keepsTheStoredSecretWhenTheSameRuleComesBackWithoutIt() {
        Rule stored = valid(rule("public-surge", null, new RuleView.Channels(null,
                new RuleView.Webhook("https://example.org/hook", SECRET, null, null), null)));
        Rule again = RuleValidation.validate(rule("public-surge", null, new RuleView.Channels(null,
                new RuleView.Webhook("https://example.org/hook", null, null, null), null)), Optional.of(stored), TOPICS::contains);
        assertEquals(SECRET, again.webhookSecret());
    }
}
