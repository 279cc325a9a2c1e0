package tyndau.alerts;

import tyndau.Row;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** A raised alert; its documents and deliveries are rows of their own. */
@Entity
@Table(name = "alert")
public class Alert extends Row {
    /** The row with this id, or null. */
    public static Alert findById(Long id) {
        return find(Alert.class, id);
    }

    static final String NEW = "new";
    static final String ACKNOWLEDGED = "acknowledged";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_id")
    @SequenceGenerator(name = "alert_id", sequenceName = "alert_id_seq", allocationSize = 50)
    public Long id;

    /** What triggered it, deterministically: unique, so the same trigger never raises twice. */
    @Column(name = "trigger_key")
    public String triggerKey;

    @Column(name = "rule_id")
    public String ruleId;

    public String kind;

    public String topic;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When the trigger happened in the data. */
    @Column(name = "occurred_at")
    public Instant occurredAt;

    public String status;

    @Column(name = "acknowledged_at")
    public Instant acknowledgedAt;

    /** Raised by the one-time pass over history: listed, never delivered. */
    public boolean historical;

    @Column(name = "window_start")
    public Instant windowStart;

    @Column(name = "window_end")
    public Instant windowEnd;

    public String explanation;

    /** The numbers behind the explanation, a JSON object. */
    public String numbers;
}
