package tyndau.document;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.hibernate.exception.ConstraintViolationException;
import org.hibernate.exception.JDBCConnectionException;
import org.hibernate.exception.LockTimeoutException;
import org.junit.jupiter.api.Test;

/** Which failures to store a document are the document's (rejected) and which the database's (sent again). */
class RefusedRowTest {

    @Test
    void aConstraintOrAValueTheDatabaseCannotHoldIsTheRowsFault() {
        SQLException unique = new SQLException("Unique index or primary key violation", "23505");
        assertTrue(DocumentWriter.refusedRow(new PersistenceException(new ConstraintViolationException("insert", unique, "uk_url"))));
        assertTrue(DocumentWriter.refusedRow(new PersistenceException(new SQLException("Value too long for column", "22001"))));
    }

    @Test
    void aLostConnectionATimeoutOrAnythingElseMayPass() {
        assertFalse(DocumentWriter.refusedRow(new JDBCConnectionException("lost", new SQLException("connection lost", "08006"))));
        assertFalse(DocumentWriter.refusedRow(new PersistenceException(new LockTimeoutException("lock", new SQLException("Timeout trying to lock table", "HYT00")))));
        assertFalse(DocumentWriter.refusedRow(new IllegalStateException("transaction timed out")));
    }
}
