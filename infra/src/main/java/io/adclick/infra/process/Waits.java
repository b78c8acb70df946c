package io.adclick.infra.process;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling: every wait in the launcher has a deadline. */
public final class Waits {
    private Waits() {}

    /**
     * Polls {@code condition} every {@code interval} until it holds or {@code timeout} passes.
     *
     * @return whether the condition held before the deadline
     */
    public static boolean until(Duration timeout, Duration interval, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline >= 0) {
                return false;
            }
            sleep(interval);
        }
    }

    /** Sleeps, restoring the interrupt flag and failing fast when interrupted. */
    public static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while waiting", e);
        }
    }
}
