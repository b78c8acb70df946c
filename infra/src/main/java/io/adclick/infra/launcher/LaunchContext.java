package io.adclick.infra.launcher;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.stack.ManagedComponent;
import java.time.Clock;
import java.util.Map;
import java.util.OptionalLong;
import java.util.function.Consumer;

/**
 * What a {@link ComponentDescriptor} needs to create its component for {@code adclick up}.
 *
 * @param config the stack's configuration
 * @param trafficSeed the seed of the synthetic traffic, empty when {@code --no-traffic}
 * @param reportDeath told when a child process exits unexpectedly
 * @param console where progress lines go (the terminal and the launcher's log)
 * @param recordRestart called after a component was restarted under a new pid
 * @param created the components created so far, by name (for one that supervises another)
 * @param clock the launcher's clock
 */
public record LaunchContext(
        StackConfig config,
        OptionalLong trafficSeed,
        Consumer<ChildExit> reportDeath,
        Consumer<String> console,
        Runnable recordRestart,
        Map<String, ManagedComponent> created,
        Clock clock) {

    public LaunchContext {
        requireNonNull(config, "config is null");
        requireNonNull(trafficSeed, "trafficSeed is null");
        requireNonNull(reportDeath, "reportDeath is null");
        requireNonNull(console, "console is null");
        requireNonNull(recordRestart, "recordRestart is null");
        requireNonNull(created, "created is null");
        requireNonNull(clock, "clock is null");
    }

    /** The component created earlier under {@code name}. */
    public <T extends ManagedComponent> T component(String name, Class<T> type) {
        ManagedComponent component = created.get(name);
        if (component == null) {
            throw new IllegalStateException("%s must be created before the components that use it".formatted(name));
        }
        return type.cast(component);
    }
}
