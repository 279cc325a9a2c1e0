package tyndau.document;

/** Turns the writer's events on and off while the service runs, for benchmarks comparing both in one run. */
public final class EventSwitch {
    private EventSwitch() {
    }

    /** {@code enabled} overrides tyndau.events.enabled; null goes back to the configuration. */
    public static void set(Boolean enabled) {
        io.quarkus.arc.Arc.container().instance(EventGrouping.class).get().override(enabled);
    }
}
