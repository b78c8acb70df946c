package io.adclick.batch.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * How reconciliation models the stream and when it alerts.
 *
 * @param dedupTtl how long the stream remembers an {@code event_id} (its dedup state TTL): a
 *     transport duplicate received later than this after its first copy was counted again
 * @param firstClickTtl how long the stream remembers a clicked {@code impression_id}
 * @param residualAlertClicks an alert is raised when the unexplained residual of an hour and
 *     campaign exceeds this many clicks (in absolute value)
 */
public record ReconcileConfig(Duration dedupTtl, Duration firstClickTtl, long residualAlertClicks) {
    public ReconcileConfig {
        requireNonNull(dedupTtl, "dedupTtl is null");
        requireNonNull(firstClickTtl, "firstClickTtl is null");
        if (dedupTtl.isNegative() || dedupTtl.isZero()) {
            throw new IllegalArgumentException(
                    "Invalid %s: %s (positive)".formatted(BatchSettings.RECONCILE_DEDUP_TTL_HOURS.key(), dedupTtl));
        }
        if (firstClickTtl.isNegative() || firstClickTtl.isZero()) {
            throw new IllegalArgumentException("Invalid %s: %s (positive)"
                    .formatted(BatchSettings.RECONCILE_FIRST_CLICK_TTL_HOURS.key(), firstClickTtl));
        }
        if (residualAlertClicks < 0) {
            throw new IllegalArgumentException("Invalid %s: %d (0 or more)"
                    .formatted(BatchSettings.RECONCILE_RESIDUAL_ALERT_CLICKS.key(), residualAlertClicks));
        }
    }
}
