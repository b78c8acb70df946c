package io.adclick.stream.function;

import java.io.Serializable;

/**
 * The processing-time instants of early firings: every {@code intervalMillis}, at {@code
 * offsetMillis} past each multiple of it, the same instants for every key. Aligned instants make a
 * key's early firings at least one interval apart without state (Flink keeps one timer per key and
 * instant), let the salted partials of one instant reach the merger together, and tell an early
 * firing's timer from the other processing-time timers of an operator.
 */
final class EarlyFirings implements Serializable {
    private final long intervalMillis;
    private final long offsetMillis;

    /**
     * @param intervalMillis 0 for no early firings
     * @param offsetMillis where in each interval the firings are, {@code 0 <= offset < interval}
     */
    EarlyFirings(long intervalMillis, long offsetMillis) {
        if (intervalMillis < 0 || (intervalMillis > 0 && (offsetMillis < 0 || offsetMillis >= intervalMillis))) {
            throw new IllegalArgumentException(
                    "Invalid early firings: every " + intervalMillis + " ms at offset " + offsetMillis + " ms");
        }
        this.intervalMillis = intervalMillis;
        this.offsetMillis = offsetMillis;
    }

    boolean enabled() {
        return intervalMillis > 0;
    }

    /** The first early firing strictly after {@code now}. */
    long next(long now) {
        long sinceOffset = now - offsetMillis;
        return Math.floorDiv(sinceOffset, intervalMillis) * intervalMillis + intervalMillis + offsetMillis;
    }

    /** Whether a processing-time timer at {@code time} is an early firing. */
    boolean isFiring(long time) {
        return enabled() && Math.floorMod(time - offsetMillis, intervalMillis) == 0;
    }

    /** {@code time}, or one millisecond later if that is an early firing: for the operator's other timers. */
    long notAFiring(long time) {
        return isFiring(time) ? time + 1 : time;
    }
}
