package io.adclick.batch.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The billing rules' settings: how far the job looks around a partition, and the fraud rules.
 *
 * @param lookback how long before the partition impressions and earlier clicks count (for "its
 *     impression was recorded" and "first click"); at least the token lifetime, so that a result
 *     does not depend on whether an hour is computed alone or as part of its day
 * @param lookahead how long after the partition an impression still counts (pixels that arrive
 *     after their click)
 * @param fraud the fraud rules
 */
public record TruthConfig(Duration lookback, Duration lookahead, FraudRulesConfig fraud) {
    public TruthConfig {
        requireNonNull(lookback, "lookback is null");
        requireNonNull(lookahead, "lookahead is null");
        requireNonNull(fraud, "fraud is null");
        if (lookback.isNegative()) {
            throw new IllegalArgumentException(
                    "Invalid %s: %s (not negative)".formatted(BatchSettings.LOOKBACK_HOURS.key(), lookback));
        }
        if (lookahead.isNegative()) {
            throw new IllegalArgumentException(
                    "Invalid %s: %s (not negative)".formatted(BatchSettings.LOOKAHEAD_HOURS.key(), lookahead));
        }
    }
}
