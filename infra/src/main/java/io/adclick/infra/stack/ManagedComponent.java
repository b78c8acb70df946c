package io.adclick.infra.stack;

import java.util.Optional;

/**
 * One part of the embedded stack (a broker, a service, a load generator) that the {@link Stack}
 * starts in dependency order and stops in reverse.
 */
public interface ManagedComponent {
    /** A short, stable name, used for the log file, {@code stack.json} and the console. */
    String name();

    /**
     * Starts the component and returns once it is healthy.
     *
     * @throws StartupException when it does not become healthy in time, naming its log
     */
    void start();

    /** Checks the running component now, without waiting. */
    Health health();

    /** Stops the component (gracefully, then forcibly after a timeout); a no-op if not running. */
    void stop();

    /** Where the running component can be found (pid, port, log), or empty when not started. */
    Optional<ComponentRecord> record();
}
