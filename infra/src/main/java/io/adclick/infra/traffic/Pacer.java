package io.adclick.infra.traffic;

import java.time.Duration;

/** Hands out send slots at a fixed rate to any number of threads. */
public final class Pacer {
    private final long intervalNanos;
    private long next;

    public Pacer(int perSecond) {
        if (perSecond < 1) {
            throw new IllegalArgumentException("Invalid rate: " + perSecond + " per second (must be at least 1)");
        }
        this.intervalNanos = 1_000_000_000L / perSecond;
        this.next = System.nanoTime();
    }

    /**
     * Waits for the next slot.
     *
     * @return false (without waiting) when that slot is at or after {@code deadlineNanos}
     */
    public boolean acquire(long deadlineNanos) throws InterruptedException {
        long slot;
        synchronized (this) {
            slot = Math.max(next, System.nanoTime());
            if (slot - deadlineNanos >= 0) {
                return false;
            }
            next = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
        return true;
    }

    public Duration interval() {
        return Duration.ofNanos(intervalNanos);
    }
}
