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

/** The delivery of one alert to one channel: attempts, last error and success are kept, never dropped. */
@Entity
@Table(name = "alert_delivery")
public class AlertDelivery extends Row {
    /** The row with this id, or null. */
    public static AlertDelivery findById(Long id) {
        return find(AlertDelivery.class, id);
    }

    static final String WEBHOOK = "webhook";
    static final String EMAIL = "email";
    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    static final String FAILED = "failed";

    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "alert_delivery_id")
    @SequenceGenerator(name = "alert_delivery_id", sequenceName = "alert_delivery_id_seq", allocationSize = 50)
    public Long id;

    @Column(name = "alert_id")
    public Long alertId;

    public String channel;

    /** The webhook URL, or the comma-separated recipients. */
    public String target;

    public String state;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;
}
