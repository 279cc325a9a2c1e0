package tyndau.document;

/** Fired when every event was re-assigned under {@code version} ({@link EventRebuild}): the index's event field is stale. */
public record EventsRebuilt(String version) {
}
