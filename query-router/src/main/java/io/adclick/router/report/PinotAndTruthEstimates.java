package io.adclick.router.report;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.ApiException;
import io.adclick.schemas.pinot.PinotQueryException;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dashboard mode over both paths ({@link DashboardPlan}): billing truth (Trino) for the whole
 * buckets before {@code complete_through}, the stream estimates (Pinot) after it, merged into one
 * answer in bucket then group order. When Pinot cannot answer, a range truth covers is still
 * answered from truth; any other is a 503 with {@code Retry-After}. When Trino cannot say how far
 * truth is complete, the whole range is read from Pinot and {@code complete_through} is null.
 */
@Singleton
public class PinotAndTruthEstimates {
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PinotAndTruthEstimates.class);

    private final Function<ReportQuery, ReportAnswer> truth;
    private final Supplier<Optional<Instant>> completeThroughs;
    private final Function<ReportQuery, List<Map<String, Object>>> estimates;

    @Inject
    public PinotAndTruthEstimates(
            @Named(ReportSource.TRUTH) ReportSource truth, @Named(ReportSource.ESTIMATES) ReportSource estimates) {
        this(truth::report, truth::completeThrough, query -> estimates
                .report(query)
                .rows());
    }

    PinotAndTruthEstimates(
            Function<ReportQuery, ReportAnswer> truth,
            Supplier<Optional<Instant>> completeThrough,
            Function<ReportQuery, List<Map<String, Object>>> estimates) {
        this.truth = requireNonNull(truth, "truth is null");
        this.completeThroughs = requireNonNull(completeThrough, "completeThrough is null");
        this.estimates = requireNonNull(estimates, "estimates is null");
    }

    /** The dashboard answer of a validated, scoped query. */
    public ReportAnswer dashboard(ReportQuery query) {
        Optional<Instant> completeThrough;
        try {
            completeThrough = completeThroughs.get();
        } catch (ApiException e) {
            if (e.status() != HttpStatus.SERVICE_UNAVAILABLE) {
                throw e;
            }
            LOG.warn(
                    "Truth unavailable, dashboard range {}..{} read from Pinot only: {}",
                    query.from(),
                    query.to(),
                    e.getMessage());
            completeThrough = Optional.empty();
        }
        DashboardPlan plan = DashboardPlan.of(query, completeThrough);
        List<Map<String, Object>> estimated = List.of();
        if (plan.estimates().isPresent()) {
            try {
                estimated = estimates.apply(plan.estimates().get());
            } catch (PinotQueryException e) {
                throw ApiException.unavailable(
                        "estimates_unavailable",
                        "The stream estimates (Pinot) cannot answer for %s..%s, after truth's complete_through %s: %s"
                                        .formatted(
                                                plan.estimates().get().from(),
                                                query.to(),
                                                completeThrough
                                                        .map(Instant::toString)
                                                        .orElse("(none yet)"),
                                                e.getMessage())
                                + " Retry shortly, or ask mode=billing for the complete hours.",
                        RETRY_AFTER,
                        e);
            }
        }
        ReportAnswer truthPart = plan.truth().map(truth).orElse(null);
        return new ReportAnswer(
                query.mode().wireName(),
                plan.source(),
                completeThrough.orElse(null),
                truthPart == null ? null : truthPart.truthSnapshotId(),
                ReportRows.merged(query, truthPart == null ? List.of() : truthPart.rows(), estimated));
    }
}
