package io.adclick.stream.function;

import io.adclick.stream.model.PartialRollup;
import org.apache.flink.api.java.functions.KeySelector;

/**
 * The keys of the keyed aggregation: a minute and one of {@link #PER_MINUTE} buckets of its rollup
 * keys, in one {@code long}. A bucket holds many rollup keys, so the aggregation's timers are per
 * bucket and minute (a few thousand per minute) instead of per rollup key and minute (one per row,
 * hundreds of thousands, each written by every heap checkpoint).
 *
 * <p>The bucket of a rollup key is a hash of its dimensions: the same in every JVM, so the count of
 * buckets must never change while state written with it is restored.
 */
public final class MinuteBuckets {
    /** Buckets per minute: many per key group (Flink's default maximum parallelism is 128). */
    public static final int PER_MINUTE = 4096;

    /** The key of a delta: its minute and the bucket of its rollup key. */
    public static final KeySelector<PartialRollup, Long> KEY = MinuteBuckets::of;

    private MinuteBuckets() {}

    /** The key of {@code partial}'s minute and rollup key. */
    public static long of(PartialRollup partial) {
        long minuteIndex = Math.floorDiv(partial.minute, Minutes.LENGTH_MILLIS);
        return minuteIndex * PER_MINUTE + Math.floorMod(partial.dimensionKeyHash(), PER_MINUTE);
    }

    /** The start of the minute of {@code key}, in epoch milliseconds. */
    static long minuteOf(long key) {
        return Math.floorDiv(key, PER_MINUTE) * Minutes.LENGTH_MILLIS;
    }
}
