package io.adclick.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * The latest state of one source (Trino or Pinot) as the refresher saw it: not read yet, up with
 * what it read, or down (its figures dropped, so that the gauges read NaN rather than stale values).
 *
 * @param figures what the latest read returned; empty before the first read and while down
 * @param down whether the latest read failed
 * @param lastSuccess when a read of this source last succeeded
 */
public record SourceReading<T>(Optional<T> figures, boolean down, Optional<Instant> lastSuccess) {
    public SourceReading {
        requireNonNull(figures, "figures is null");
        requireNonNull(lastSuccess, "lastSuccess is null");
        if (down && figures.isPresent()) {
            throw new IllegalArgumentException("A source that is down has no figures");
        }
    }

    /** Before the first read. */
    public static <T> SourceReading<T> pending() {
        return new SourceReading<>(Optional.empty(), false, Optional.empty());
    }

    /** After a read at {@code at} that returned {@code figures}. */
    public SourceReading<T> up(T figures, Instant at) {
        return new SourceReading<>(Optional.of(figures), false, Optional.of(at));
    }

    /** After a failed read: the figures are dropped, the time of the last success is kept. */
    public SourceReading<T> failed() {
        return new SourceReading<>(Optional.empty(), true, lastSuccess);
    }

    /** 1 when up, 0 when down, NaN before the first read. */
    public double upValue() {
        if (down) {
            return 0;
        }
        return figures.isPresent() ? 1 : Double.NaN;
    }
}
