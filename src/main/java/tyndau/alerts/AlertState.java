package tyndau.alerts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A named fact about alerting itself (e.g. {@code history}: whether the pass over history ran). */
@Entity
@Table(name = "alert_state")
public class AlertState extends PanacheEntityBase {
    @Id
    public String name;

    /** "value" is a reserved word in H2. */
    @Column(name = "content")
    public String value;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
