package io.adclick.infra.monitor;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * What Flink's REST API tells of the running stream job.
 *
 * @param jobId the job
 * @param state the job's state ({@code RUNNING}, {@code RESTARTING} ...)
 * @param completedCheckpoints checkpoints completed since the job (re)started
 * @param failedCheckpoints checkpoints failed since the job (re)started
 * @param latestCheckpoint the newest completed checkpoint, empty before the first
 * @param counters the job's own counters ({@link StreamCounter}) summed over subtasks; they restart
 *     from 0 when the job restarts
 */
public record FlinkJobFigures(
        String jobId,
        String state,
        long completedCheckpoints,
        long failedCheckpoints,
        Optional<Checkpoint> latestCheckpoint,
        Map<StreamCounter, Long> counters) {

    public FlinkJobFigures {
        requireNonNull(jobId, "jobId is null");
        requireNonNull(state, "state is null");
        requireNonNull(latestCheckpoint, "latestCheckpoint is null");
        counters = Map.copyOf(counters);
    }

    /**
     * One completed checkpoint.
     *
     * @param id its number
     * @param completedAt when the last subtask acknowledged it
     * @param duration from trigger to the last acknowledgement
     * @param stateSize the full size of the state it holds
     * @param checkpointedSize the bytes this checkpoint wrote (less than {@code stateSize} when incremental)
     */
    public record Checkpoint(long id, Instant completedAt, Duration duration, long stateSize, long checkpointedSize) {
        public Checkpoint {
            requireNonNull(completedAt, "completedAt is null");
            requireNonNull(duration, "duration is null");
        }
    }

    public boolean running() {
        return "RUNNING".equals(state);
    }
}
