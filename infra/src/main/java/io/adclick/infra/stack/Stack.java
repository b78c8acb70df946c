package io.adclick.infra.stack;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Starts components in order, each one healthy before the next, records them in {@code stack.json},
 * and stops them in reverse order.
 */
public final class Stack implements AutoCloseable {
    private final List<ManagedComponent> components;
    private final StackStateFile stateFile;
    private final StackState initialState;
    private final Consumer<String> console;
    private final List<ManagedComponent> started = new CopyOnWriteArrayList<>();

    /**
     * @param components in start order
     * @param console where progress lines go
     */
    public Stack(
            List<ManagedComponent> components,
            StackStateFile stateFile,
            StackState initialState,
            Consumer<String> console) {
        this.components = List.copyOf(components);
        this.stateFile = requireNonNull(stateFile, "stateFile is null");
        this.initialState = requireNonNull(initialState, "initialState is null");
        this.console = requireNonNull(console, "console is null");
    }

    /**
     * Starts every component in order. If one fails, the ones already started are stopped and
     * the failure is rethrown.
     */
    public synchronized void start() {
        stateFile.write(initialState);
        for (ManagedComponent component : components) {
            console.accept("Starting " + component.name() + " ...");
            long startNanos = System.nanoTime();
            try {
                component.start();
            } catch (RuntimeException e) {
                started.add(component);
                stop();
                throw e;
            }
            started.add(component);
            stateFile.write(currentState());
            console.accept("%s is up (%.1f s)".formatted(component.name(), (System.nanoTime() - startNanos) / 1e9));
        }
    }

    /** Stops the started components in reverse order and removes {@code stack.json}. Idempotent. */
    public synchronized void stop() {
        for (int i = started.size() - 1; i >= 0; i--) {
            ManagedComponent component = started.get(i);
            console.accept("Stopping " + component.name() + " ...");
            try {
                component.stop();
            } catch (RuntimeException e) {
                console.accept("Could not stop %s cleanly: %s".formatted(component.name(), e.getMessage()));
            }
        }
        started.clear();
        stateFile.delete();
    }

    /**
     * Records the started components again in {@code stack.json}, after one of them was restarted
     * under a new pid. Deliberately not synchronized: a watchdog calls it while the stack may be
     * stopping it.
     */
    public void recordRestart() {
        if (!started.isEmpty()) {
            stateFile.write(currentState());
        }
    }

    public List<ManagedComponent> components() {
        return components;
    }

    private StackState currentState() {
        return initialState.withComponents(started.stream()
                .map(ManagedComponent::record)
                .flatMap(Optional::stream)
                .toList());
    }

    @Override
    public void close() {
        stop();
    }
}
