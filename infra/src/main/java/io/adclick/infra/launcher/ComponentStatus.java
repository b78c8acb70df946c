package io.adclick.infra.launcher;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.stack.Health;

/**
 * What {@code adclick status} shows of a running component.
 *
 * @param health the result of its probe
 * @param figures its key figures in one line, empty when it has none or is unhealthy
 */
public record ComponentStatus(Health health, String figures) {
    public ComponentStatus {
        requireNonNull(health, "health is null");
        requireNonNull(figures, "figures is null");
    }

    /** The status of a component that is healthy exactly when {@code health} says so, with figures only then. */
    public static ComponentStatus of(Health health, java.util.function.Supplier<String> figuresWhenHealthy) {
        return new ComponentStatus(health, health.healthy() ? figuresWhenHealthy.get() : "");
    }
}
