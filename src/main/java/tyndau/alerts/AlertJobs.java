package tyndau.alerts;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

/** The schedules of alerting; each job only delegates. */
@ApplicationScoped
class AlertJobs {
    private final AlertEvaluation evaluation;
    private final Deliveries deliveries;
    private final AlertStream stream;

    AlertJobs(AlertEvaluation evaluation, Deliveries deliveries, AlertStream stream) {
        this.evaluation = evaluation;
        this.deliveries = deliveries;
        this.stream = stream;
    }

    /** Unanswered surges pass their deadline without any new document: the clock alone must be able to raise them. */
    @Scheduled(every = "{tyndau.alerts.evaluate-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void evaluate() {
        evaluation.evaluateQuietly();
    }

    @Scheduled(every = "{tyndau.alerts.delivery.poll}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deliver() {
        deliveries.kick();
    }

    @Scheduled(every = "{tyndau.alerts.sse-keepalive}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void keepalive() {
        stream.keepalive();
    }
}
