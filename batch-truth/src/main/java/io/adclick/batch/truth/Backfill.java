package io.adclick.batch.truth;

import static java.util.Objects.requireNonNull;

import io.adclick.batch.run.JobRun;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Recomputes a range of day partitions from one pinned {@code raw_events} snapshot. Resumable: a
 * day whose latest successful run already read that snapshot is skipped (unless forced), so an
 * interrupted backfill started again continues where it stopped.
 */
public final class Backfill {
    private final TruthJob job;

    public Backfill(TruthJob job) {
        this.job = requireNonNull(job, "job is null");
    }

    /** What happened to one day. */
    public record DayOutcome(TruthPartition day, Optional<JobRun> run) {
        /** Whether the day was skipped because it was already computed from the same snapshot. */
        public boolean skipped() {
            return run.isEmpty();
        }
    }

    /** Told about each day as it finishes. */
    @FunctionalInterface
    public interface Progress {
        void finished(DayOutcome outcome, int done, int total);
    }

    /**
     * Runs the daily job for each of {@code days} against {@code rawSnapshotId}; stops at the first
     * failure (a later run resumes from there).
     */
    public List<DayOutcome> run(List<TruthPartition> days, Long rawSnapshotId, boolean force, Progress progress) {
        requireNonNull(days, "days is null");
        requireNonNull(progress, "progress is null");
        List<DayOutcome> outcomes = new ArrayList<>();
        for (TruthPartition day : days) {
            if (day.granularity() != TruthPartition.Granularity.DAY) {
                throw new IllegalArgumentException("Backfill runs day partitions, not " + day);
            }
            DayOutcome outcome;
            if (!force && upToDate(day, rawSnapshotId)) {
                outcome = new DayOutcome(day, Optional.empty());
            } else {
                outcome = new DayOutcome(day, Optional.of(job.run(day, rawSnapshotId)));
            }
            outcomes.add(outcome);
            progress.finished(outcome, outcomes.size(), days.size());
        }
        return outcomes;
    }

    private boolean upToDate(TruthPartition day, Long rawSnapshotId) {
        return rawSnapshotId != null
                && job.runs()
                        .latestSuccessfulRawSnapshot(day.granularity().jobName(), day.key())
                        .filter(rawSnapshotId::equals)
                        .isPresent();
    }
}
