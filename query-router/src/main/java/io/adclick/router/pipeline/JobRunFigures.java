package io.adclick.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;

/**
 * The newest succeeded run of one job kind in {@code adclick.job_runs}.
 *
 * @param job the job kind ({@code hourly}, {@code daily}, ...)
 * @param startedAt when the run started
 * @param endedAt when the run ended
 * @param rowsIn raw rows of the partition it read ({@code rows_in})
 * @param rowsOut billing rows it wrote ({@code rows_out})
 * @param rowsRemoved clicks it did not bill: duplicates, expired, without impression and fraud
 */
public record JobRunFigures(
        String job, Instant startedAt, Instant endedAt, long rowsIn, long rowsOut, long rowsRemoved) {
    public JobRunFigures {
        requireNonNull(job, "job is null");
        requireNonNull(startedAt, "startedAt is null");
        requireNonNull(endedAt, "endedAt is null");
    }

    /** How long the run took. */
    public Duration duration() {
        return Duration.between(startedAt, endedAt);
    }
}
