package io.adclick.infra.launcher;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.ManagedComponent;
import java.util.List;

/**
 * Everything the launcher knows of one component of the embedded stack. {@code adclick up},
 * {@code status}, the address list and the port checks are all derived from the descriptors, so
 * a new component is one descriptor in its own package and one line in the launcher's registry.
 */
public interface ComponentDescriptor {
    /** The component's name in {@code stack.json}, {@code status}, {@code --only} and its log file. */
    String name();

    /** The loopback ports it listens on, each with the variable that moves it. */
    List<ComponentPort> ports(StackConfig config);

    /** Whether {@code adclick up} starts it (the truth scheduler and the traffic can be switched off). */
    default boolean enabled(LaunchContext context) {
        return true;
    }

    /** A new, not yet started instance for {@code adclick up}. */
    ManagedComponent create(LaunchContext context);

    /** Its health and key figures, probed now, for a component recorded as running. */
    ComponentStatus status(ComponentRecord component, StatusContext context);

    /** The lines of the address list {@code adclick up} prints for it. */
    List<UrlLine> urls(LaunchContext context);
}
