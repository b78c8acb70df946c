package io.adclick.edge.ratelimit;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * Whether a request may go ahead, and if not, when to retry.
 *
 * @param allowed whether the events were admitted
 * @param retryAfter how long the source should wait before retrying (zero when allowed)
 * @param reason why the request was refused (empty when allowed)
 */
public record RateLimitDecision(boolean allowed, Duration retryAfter, String reason) {
    static final RateLimitDecision ALLOWED = new RateLimitDecision(true, Duration.ZERO, "");

    public RateLimitDecision {
        requireNonNull(retryAfter, "retryAfter is null");
        requireNonNull(reason, "reason is null");
    }

    /** {@link #retryAfter} in whole seconds, at least 1, as the {@code Retry-After} header wants it. */
    public long retryAfterSeconds() {
        long millis = retryAfter.toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
