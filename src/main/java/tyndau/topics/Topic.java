package tyndau.topics;

import tyndau.Row;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A topic: a saved Lucene query, evaluated at query time, so editing it re-draws its whole history. */
@Entity
@Table(name = "topic")
public class Topic extends Row {
    /** The row with this id, or null. */
    public static Topic findById(String id) {
        return find(Topic.class, id);
    }

    @Id
    public String id;

    /** The label a reader of one string gets (English, else the first given). */
    public String label;

    /** The labels per language as a JSON object, or null for a topic with one label. */
    public String labels;

    public String query;

    public boolean sensitive;

    /** Changed through the API: feeds/topics.yml no longer overwrites it. */
    public boolean edited;

    /** Deleted through the API; a tombstone so that topics.yml does not bring it back. */
    public boolean deleted;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
