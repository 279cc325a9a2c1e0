package tyndau.alerts;

import java.util.List;
import java.util.Map;

/** A validated rule, as the evaluators use it; {@code topics} empty means every topic in the kind's scope. */
record Rule(String id, RuleKind kind, String label, boolean enabled, List<String> topics, Map<String, Object> params,
            String webhookUrl, String webhookSecret, List<String> email) {

    boolean watches(String topic) {
        return topics.isEmpty() || topics.contains(topic);
    }

    Integer intParam(String name) {
        Object v = params.get(name);
        return v == null ? null : ((Number) v).intValue();
    }

    Double doubleParam(String name) {
        Object v = params.get(name);
        return v == null ? null : ((Number) v).doubleValue();
    }
}
