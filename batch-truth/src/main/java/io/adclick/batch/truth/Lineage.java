package io.adclick.batch.truth;

import static java.util.Objects.requireNonNull;

/**
 * What every output row records about where it came from.
 *
 * @param jobRunId the {@code job_runs} row of the run
 * @param rawSnapshotId the {@code raw_events} snapshot read; null when the table had none
 */
public record Lineage(String jobRunId, Long rawSnapshotId) {
    public Lineage {
        requireNonNull(jobRunId, "jobRunId is null");
    }
}
