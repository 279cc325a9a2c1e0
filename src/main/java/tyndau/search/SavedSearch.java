package tyndau.search;

import tyndau.Row;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A search kept under a name: the parameters of {@code GET /api/search} (table {@code saved_search}). */
@Entity
@Table(name = "saved_search")
public class SavedSearch extends Row {
    /** The row with this id, or null. */
    public static SavedSearch findById(String id) {
        return find(SavedSearch.class, id);
    }

    @Id
    public String id;

    public String name;

    public String q;

    public String topic;

    public String side;

    public String role;

    public String lang;

    public String source;

    @Column(name = "date_from")
    public String from;

    @Column(name = "date_to")
    public String to;

    public String sort;

    /** Article tone labels (toneLabel), comma-separated, as the search's {@code tone} filter. */
    public String tone;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
