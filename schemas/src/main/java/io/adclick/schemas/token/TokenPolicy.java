package io.adclick.schemas.token;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * When an authentic token counts as expired: issued more than {@code maxFutureSkew} after the
 * event, or more than {@code maxAge} before it.
 */
public record TokenPolicy(Duration maxAge, Duration maxFutureSkew) {
    /** The contract's defaults: 24 hours old at most, 5 minutes in the future at most. */
    public static final TokenPolicy DEFAULT = new TokenPolicy(Duration.ofHours(24), Duration.ofMinutes(5));

    public TokenPolicy {
        requireNonNull(maxAge, "maxAge is null");
        requireNonNull(maxFutureSkew, "maxFutureSkew is null");
        if (maxAge.isNegative() || maxAge.isZero()) {
            throw new IllegalArgumentException("Invalid token max age: " + maxAge + " (must be positive)");
        }
        if (maxFutureSkew.isNegative()) {
            throw new IllegalArgumentException(
                    "Invalid token future skew: " + maxFutureSkew + " (must not be negative)");
        }
    }
}
