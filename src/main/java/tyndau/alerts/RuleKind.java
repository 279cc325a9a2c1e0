package tyndau.alerts;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The kinds of alert rule, their parameters, and whether they watch documents or episodes. */
enum RuleKind {
    /** A new government document matching a topic marked sensitive. */
    SENSITIVE_ANNOUNCEMENT("sensitive-announcement", false, List.of("windowHours"), List.of()),
    /** A public-led episode starts on a topic. */
    PUBLIC_SURGE("public-surge", true, List.of("threshold", "minDocs"), List.of()),
    /** A public episode has had no government response for {@code days} days. */
    UNANSWERED("unanswered", true, List.of("days", "threshold", "minDocs"), List.of("days")),
    /** A government-led announcement followed by a public surge. */
    TRIAL_BALLOON("trial-balloon", true, List.of("threshold", "minDocs", "balloonDays"), List.of()),
    /** New documents match a saved search (params.savedSearch names it). */
    NEW_MATCH("new-match", false, List.of("savedSearch"), List.of("savedSearch"));

    final String wire;
    /** Evaluated over episodes (on a schedule and after imports) rather than per new document. */
    final boolean episodic;
    final List<String> params;
    final List<String> required;

    RuleKind(String wire, boolean episodic, List<String> params, List<String> required) {
        this.wire = wire;
        this.episodic = episodic;
        this.params = params;
        this.required = required;
    }

    static Optional<RuleKind> of(String wire) {
        return Arrays.stream(values()).filter(k -> k.wire.equals(wire)).findFirst();
    }

    static String names() {
        return String.join(", ", Arrays.stream(values()).map(k -> k.wire).toList());
    }
}
