package tyndau.alerts;

import tyndau.Row;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A stored alert rule; {@link RuleView} is how the API shows and takes it. */
@Entity
@Table(name = "alert_rule")
public class AlertRule extends Row {
    /** The row with this id, or null. */
    public static AlertRule findById(String id) {
        return find(AlertRule.class, id);
    }

    @Id
    public String id;

    /** The wire name of a {@link RuleKind}. */
    public String kind;

    public String label;

    public boolean enabled;

    /** Comma-separated topic ids; null means every topic in the kind's scope. */
    public String topics;

    /** The kind's parameters, a JSON object. */
    public String params;

    @Column(name = "webhook_url")
    public String webhookUrl;

    @Column(name = "webhook_secret")
    public String webhookSecret;

    /** Comma-separated recipients. */
    @Column(name = "email_to")
    public String emailTo;

    /** Changed through the API: feeds/alerts.yml no longer overwrites it. */
    public boolean edited;

    /** Deleted through the API; a tombstone so that alerts.yml does not bring it back. */
    public boolean deleted;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
