package io.adclick.router.report;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * How a dashboard query splits between billing truth and the stream estimates: truth for the
 * whole buckets before truth's {@code complete_through}, Pinot for the rest. Minute buckets always
 * come from Pinot (truth is hourly); day buckets split at the start of the day {@code
 * complete_through} falls in, so that no bucket mixes the two.
 *
 * @param truth the sub-query truth answers, if any
 * @param estimates the sub-query Pinot answers, if any
 */
public record DashboardPlan(Optional<ReportQuery> truth, Optional<ReportQuery> estimates) {
    public DashboardPlan {
        requireNonNull(truth, "truth is null");
        requireNonNull(estimates, "estimates is null");
        if (truth.isEmpty() && estimates.isEmpty()) {
            throw new IllegalArgumentException("A plan reads at least one source");
        }
    }

    /** The plan of {@code query} when truth is complete through {@code completeThrough} (empty: no truth yet). */
    public static DashboardPlan of(ReportQuery query, Optional<Instant> completeThrough) {
        requireNonNull(query, "query is null");
        requireNonNull(completeThrough, "completeThrough is null");
        Instant split = query.from();
        if (completeThrough.isPresent() && query.granularity() != Granularity.MINUTE) {
            Instant aligned = Instant.ofEpochMilli(
                    ReportRows.bucketOf(completeThrough.get().toEpochMilli(), query.granularity()));
            split = max(query.from(), min(query.to(), aligned));
        }
        Optional<ReportQuery> truth =
                split.isAfter(query.from()) ? Optional.of(range(query, query.from(), split)) : Optional.empty();
        Optional<ReportQuery> estimates =
                split.isBefore(query.to()) ? Optional.of(range(query, split, query.to())) : Optional.empty();
        return new DashboardPlan(truth, estimates);
    }

    /** {@code trino}, {@code pinot} or {@code pinot+trino}. */
    public String source() {
        if (truth.isPresent() && estimates.isPresent()) {
            return ReportSource.ESTIMATES + "+" + ReportSource.TRUTH;
        }
        return truth.isPresent() ? ReportSource.TRUTH : ReportSource.ESTIMATES;
    }

    private static ReportQuery range(ReportQuery q, Instant from, Instant to) {
        return new ReportQuery(
                q.mode(),
                q.advertiserId(),
                q.campaignIds(),
                from,
                to,
                q.granularity(),
                q.groupBy(),
                q.country(),
                q.device(),
                q.publisherId());
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
