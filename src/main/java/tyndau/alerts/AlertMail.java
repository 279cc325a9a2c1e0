package tyndau.alerts;

import io.quarkus.mailer.Mail;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import tyndau.signals.SignalsConfig;
import tyndau.topics.TopicService;

/** The e-mail of an alert: plain text, one message per recipient (recipients do not see each other). */
@ApplicationScoped
class AlertMail {
    private final AlertsConfig config;
    private final SignalsConfig signals;
    private final TopicService topics;

    AlertMail(AlertsConfig config, SignalsConfig signals, TopicService topics) {
        this.config = config;
        this.signals = signals;
        this.topics = topics;
    }

    List<Mail> of(AlertView a, List<String> recipients) {
        String label = topics.byId(a.topic()).map(t -> t.topic().label().text()).orElse(a.topic());
        String subject = "[Tyndau] " + a.kind() + ": " + label;
        String base = config.publicUrl().map(u -> u.endsWith("/") ? u.substring(0, u.length() - 1) : u).orElse("");
        StringBuilder text = new StringBuilder(a.explanation()).append("\n\n");
        if (!a.documents().isEmpty()) {
            text.append("Documents:\n");
            for (AlertView.Doc d : a.documents()) {
                text.append("- ").append(Explanations.when(d.published(), signals.timeZone())).append("  ").append(d.source())
                        .append(" (").append(d.role()).append(")  \"").append(d.title()).append("\"\n  ").append(d.url())
                        .append("\n  ").append(base).append(d.link()).append('\n');
            }
            text.append('\n');
        }
        text.append("In the dashboard: ").append(base).append(a.links().get("topic")).append('\n')
                .append("Alert ").append(a.id()).append(" (rule ").append(a.rule()).append("), raised ").append(a.createdAt())
                .append(". Acknowledge it with POST ").append(base).append("/api/alerts/").append(a.id()).append("/ack\n");
        return recipients.stream().map(String::trim).filter(r -> !r.isEmpty())
                .map(r -> Mail.withText(r, subject, text.toString()).addHeader("X-Tyndau-Alert", Long.toString(a.id())))
                .toList();
    }
}
