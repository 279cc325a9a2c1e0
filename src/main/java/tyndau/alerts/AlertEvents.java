package tyndau.alerts;

import jakarta.enterprise.context.ApplicationScoped;

/** What follows a new or acknowledged alert: the event stream hears of it, deliveries start. */
@ApplicationScoped
class AlertEvents {
    private final AlertQueries queries;
    private final AlertStream stream;
    private final Deliveries deliveries;

    AlertEvents(AlertQueries queries, AlertStream stream, Deliveries deliveries) {
        this.queries = queries;
        this.stream = stream;
        this.deliveries = deliveries;
    }

    /** A new alert, after its transaction committed. Historical alerts are old news: stored, never pushed. */
    void raised(long id) {
        queries.byId(id).filter(v -> !v.historical()).ifPresent(v -> {
            stream.publish("alert", v);
            if (!v.deliveries().isEmpty()) {
                deliveries.kick();
            }
        });
    }

    void acknowledged(AlertView v) {
        stream.publish("ack", v);
    }
}
