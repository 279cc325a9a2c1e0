package tyndau.alerts;

import tyndau.cluster.Cluster;

import jakarta.enterprise.context.ApplicationScoped;

/** What follows a new or acknowledged alert: the event streams of every instance hear of it, deliveries start. */
@ApplicationScoped
class AlertEvents {
    private final AlertQueries queries;
    private final AlertStream stream;
    private final Deliveries deliveries;
    private final Cluster cluster;

    AlertEvents(AlertQueries queries, AlertStream stream, Deliveries deliveries, Cluster cluster) {
        this.cluster = cluster;
        this.queries = queries;
        this.stream = stream;
        this.deliveries = deliveries;
    }

    /** A new alert, after its transaction committed. Historical alerts are old news: stored, never pushed. */
    void raised(long id) {
        cluster.announce("alert", Long.toString(id));
        pushed(id);
    }

    /** An alert raised by another instance: this instance's event streams hear of it, and its deliveries if it runs them. */
    void onMessage(@jakarta.enterprise.event.Observes Cluster.Message m) {
        if (m.kind().equals("alert")) {
            pushed(Long.parseLong(m.payload()));
        } else if (m.kind().equals("ack")) {
            queries.byId(Long.parseLong(m.payload())).ifPresent(v -> stream.publish("ack", v));
        }
    }

    private void pushed(long id) {
        queries.byId(id).filter(v -> !v.historical()).ifPresent(v -> {
            stream.publish("alert", v);
            if (!v.deliveries().isEmpty()) {
                deliveries.kick();
            }
        });
    }

    void acknowledged(AlertView v) {
        cluster.announce("ack", Long.toString(v.id()));
        stream.publish("ack", v);
    }
}
