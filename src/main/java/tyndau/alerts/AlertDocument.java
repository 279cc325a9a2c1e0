package tyndau.alerts;

import tyndau.Row;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A document an alert cites, and in which role. */
@Entity
@Table(name = "alert_document")
@IdClass(AlertDocument.Key.class)
public class AlertDocument extends Row {
    static final String ANNOUNCEMENT = "announcement";
    static final String EVIDENCE = "evidence";
    static final String RESPONSE = "response";
    /** A document matching the saved search a new-match rule watches. */
    static final String MATCH = "match";
    /** A match counted by an alert (so it raises no other) but not listed with it: the listed ones are the first. */
    static final String COUNTED = "counted";

    @Id
    @Column(name = "alert_id")
    public Long alertId;

    @Id
    @Column(name = "document_id")
    public Long documentId;

    public String role;

    /** rule|topic|document for documents of document rules (unique), null otherwise. */
    @Column(name = "once_key")
    public String onceKey;

    /** The composite primary key. */
    public static class Key implements Serializable {
        public Long alertId;
        public Long documentId;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(alertId, k.alertId) && Objects.equals(documentId, k.documentId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(alertId, documentId);
        }
    }
}
