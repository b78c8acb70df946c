package io.adclick.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * One read of the batch side through Trino.
 *
 * @param completeThrough how far billing truth is complete (as every {@code /v1} answer reports it)
 * @param lastRuns the newest succeeded run of each job kind
 * @param failedRuns failed runs per job kind that started within the window (kinds without any
 *     are absent)
 * @param reconciliation the reconciliation figures of the window
 */
public record TruthFigures(
        Optional<Instant> completeThrough,
        List<JobRunFigures> lastRuns,
        Map<String, Long> failedRuns,
        ReconciliationFigures reconciliation) {
    public TruthFigures {
        requireNonNull(completeThrough, "completeThrough is null");
        lastRuns = List.copyOf(lastRuns);
        failedRuns = Map.copyOf(failedRuns);
        requireNonNull(reconciliation, "reconciliation is null");
    }

    /** Every job kind seen: with a succeeded run, or with failed runs only. */
    public List<String> jobs() {
        TreeSet<String> jobs = new TreeSet<>(failedRuns.keySet());
        lastRuns.forEach(run -> jobs.add(run.job()));
        return List.copyOf(jobs);
    }

    /** The newest succeeded run of {@code job}, if it has one. */
    public Optional<JobRunFigures> lastRun(String job) {
        return lastRuns.stream().filter(run -> run.job().equals(job)).findFirst();
    }
}
