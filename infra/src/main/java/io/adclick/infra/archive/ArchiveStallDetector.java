package io.adclick.infra.archive;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Decides from periodic observations whether the archive has stopped committing: records keep
 * arriving on {@code events.raw} but no new {@code raw_events} snapshot appears for longer than
 * the stall timeout. The Iceberg sink can end up like this while Connect reports every task
 * {@code RUNNING} (a coordinator left with a closed catalog client after a broker outage or a
 * task restart, apache/iceberg#16016), so the connector status alone cannot tell.
 *
 * <p>Not thread-safe: one watchdog thread owns it.
 */
public final class ArchiveStallDetector {
    private final Duration stallTimeout;
    private OptionalLong lastSnapshotId = OptionalLong.empty();
    private long endOffsetAtLastSnapshot = -1;
    private Instant waitingSince;

    /** @param stallTimeout how long new records may wait for a table commit before the archive counts as stalled */
    public ArchiveStallDetector(Duration stallTimeout) {
        requireNonNull(stallTimeout, "stallTimeout is null");
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("stallTimeout must be positive: " + stallTimeout);
        }
        this.stallTimeout = stallTimeout;
    }

    /**
     * A stall found by {@link #observe}.
     *
     * @param waiting how long records have been waiting for a table commit
     * @param uncommittedRecords records appended to {@code events.raw} since the last table commit was seen
     */
    public record Stall(Duration waiting, long uncommittedRecords) {
        public String describe() {
            return "no commit to raw_events for %d s while %,d new records arrived on events.raw"
                    .formatted(waiting.toSeconds(), uncommittedRecords);
        }
    }

    /**
     * Takes one observation.
     *
     * @param now when it was taken
     * @param endOffset the sum of {@code events.raw}'s end offsets
     * @param snapshotId {@code raw_events}' current snapshot, empty while it has none
     * @return the stall, when records have waited longer than the stall timeout
     */
    public Optional<Stall> observe(Instant now, long endOffset, OptionalLong snapshotId) {
        requireNonNull(now, "now is null");
        requireNonNull(snapshotId, "snapshotId is null");
        if (endOffsetAtLastSnapshot < 0 || !snapshotId.equals(lastSnapshotId)) {
            lastSnapshotId = snapshotId;
            endOffsetAtLastSnapshot = endOffset;
            waitingSince = null;
            return Optional.empty();
        }
        if (endOffset <= endOffsetAtLastSnapshot) {
            waitingSince = null;
            return Optional.empty();
        }
        if (waitingSince == null) {
            waitingSince = now;
            return Optional.empty();
        }
        Duration waiting = Duration.between(waitingSince, now);
        if (waiting.compareTo(stallTimeout) <= 0) {
            return Optional.empty();
        }
        return Optional.of(new Stall(waiting, endOffset - endOffsetAtLastSnapshot));
    }

    /** Starts the wait afresh from {@code now}, e.g. after the worker was restarted. */
    public void restartedAt(Instant now) {
        requireNonNull(now, "now is null");
        if (waitingSince != null) {
            waitingSince = now;
        }
    }
}
