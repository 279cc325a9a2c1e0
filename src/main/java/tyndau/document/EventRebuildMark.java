package tyndau.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import tyndau.Row;

/**
 * A re-assignment of every event under one parameters' version ({@link EventRebuild}): while {@link #finishedAt} is null,
 * every instance's writer stores new documents without an event, and the rebuilding instance assigns them.
 */
@Entity
@Table(name = "event_rebuild")
public class EventRebuildMark extends Row {
    @Id
    public String version;

    /** The instance that rebuilds (tyndau.cluster.Cluster#id). */
    public String holder;

    @Column(name = "started_at")
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    /** Rows re-assigned so far, of {@link #total} (documents that are not copies, at the start). */
    public long done;

    public long total;
}
