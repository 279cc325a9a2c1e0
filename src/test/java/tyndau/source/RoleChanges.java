package tyndau.source;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every {@link RoleChanged} the registry fires while a test runs, in order: a listener like the document writer's. */
@Singleton
public class RoleChanges {
    final List<RoleChanged> seen = new CopyOnWriteArrayList<>();

    void on(@Observes RoleChanged changed) {
        seen.add(changed);
    }

    List<RoleChanged> of(String sourceId) {
        return seen.stream().filter(c -> c.sourceId().equals(sourceId)).toList();
    }
}
