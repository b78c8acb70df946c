package io.adclick.router.pipeline;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Optional;

/**
 * What {@code adclick.reconciliation} says about the recent drift between estimates and truth.
 *
 * @param alerts (hour, campaign) rows of the window whose residual is above the reconciliation
 *     job's threshold ({@code alert}, or category {@code unexplained})
 * @param newestHour the start of the newest reconciled hour of the window, empty when none
 * @param maxResidualClicks the largest absolute unexplained residual in clicks of the window
 * @param maxResidualSpendMicros the same in spend
 */
public record ReconciliationFigures(
        long alerts,
        Optional<Instant> newestHour,
        Optional<Long> maxResidualClicks,
        Optional<Long> maxResidualSpendMicros) {
    /** Before any reconciliation ran (the table does not exist yet). */
    public static final ReconciliationFigures NONE =
            new ReconciliationFigures(0, Optional.empty(), Optional.empty(), Optional.empty());

    public ReconciliationFigures {
        requireNonNull(newestHour, "newestHour is null");
        requireNonNull(maxResidualClicks, "maxResidualClicks is null");
        requireNonNull(maxResidualSpendMicros, "maxResidualSpendMicros is null");
    }
}
