package io.adclick.infra.process;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** The one background thread each component that runs inside the launcher (watchdog, scheduler, monitor) owns. */
public final class LauncherThreads {
    private LauncherThreads() {}

    /** A single daemon thread named {@code name} that runs scheduled work; it never keeps the launcher alive. */
    public static ScheduledExecutorService scheduler(String name) {
        requireNonNull(name, "name is null");
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Interrupts the work of {@code scheduler} and waits up to {@code timeout} for it to end. */
    public static void stop(ScheduledExecutorService scheduler, Duration timeout) {
        scheduler.shutdownNow();
        try {
            scheduler.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
