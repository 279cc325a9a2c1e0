package tyndau.alerts;

import tyndau.Row;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named fact about alerting itself (e.g. {@code history}: whether the pass over history ran). */
@Entity
@Table(name = "alert_state")
public class AlertState extends Row {
    /** The row with this id, or null. */
    public static AlertState findById(String id) {
        return find(AlertState.class, id);
    }

    @Id
    public String name;

    /** "value" is a reserved word in H2. */
    @Column(name = "content")
    public String value;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
