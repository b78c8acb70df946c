package io.adclick.batch.run;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Map;

/**
 * One row of {@code adclick.job_runs}.
 *
 * @param partitionStart null for jobs without a partition (maintain)
 * @param rawSnapshotId the {@code raw_events} snapshot read, null when none
 * @param outputSnapshotId the billing table's new snapshot, null when nothing was written
 * @param outputSnapshots every table written and its new snapshot
 * @param error why the run failed, null when it succeeded
 * @param settings the billing rules' configuration in effect
 */
public record JobRun(
        String runId,
        String job,
        String partitionKey,
        Instant partitionStart,
        Instant partitionEnd,
        Long rawSnapshotId,
        Long outputSnapshotId,
        Map<String, Long> outputSnapshots,
        RunCounts counts,
        Instant startedAt,
        Instant endedAt,
        String codeVersion,
        Status status,
        String error,
        String settings) {
    /** How a run ended. */
    public enum Status {
        SUCCEEDED,
        FAILED;

        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public JobRun {
        requireNonNull(runId, "runId is null");
        requireNonNull(job, "job is null");
        requireNonNull(partitionKey, "partitionKey is null");
        outputSnapshots = Map.copyOf(outputSnapshots);
        requireNonNull(counts, "counts is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(endedAt, "endedAt is null");
        requireNonNull(codeVersion, "codeVersion is null");
        requireNonNull(status, "status is null");
        if (status == Status.FAILED && error == null) {
            throw new IllegalArgumentException("A failed run needs its error");
        }
    }

    /** Whether the run succeeded. */
    public boolean succeeded() {
        return status == Status.SUCCEEDED;
    }
}
