package io.adclick.edge.ratelimit;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.adclick.edge.config.RateLimitConfig;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.time.Duration;

/**
 * Limits how many events each source may send: a token bucket per source (Bucket4j), refilled
 * greedily at the configured rate up to the burst, kept in a bounded cache (Caffeine). Each event
 * costs one token. Thread-safe.
 */
public final class SourceRateLimiter {
    private final RateLimitConfig config;
    private final TimeMeter clock;
    private final Cache<String, Bucket> buckets;

    /** @param clock the time source of the buckets ({@link TimeMeter#SYSTEM_NANOTIME} in production) */
    public SourceRateLimiter(RateLimitConfig config, TimeMeter clock) {
        this.config = requireNonNull(config, "config is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.buckets = Caffeine.newBuilder()
                .maximumSize(config.maxSources())
                .expireAfterAccess(config.idleExpiry())
                .build();
    }

    /** Takes {@code events} tokens from {@code source}'s bucket, or none when there are not enough. */
    public RateLimitDecision tryAcquire(String source, int events) {
        requireNonNull(source, "source is null");
        if (!config.enabled() || events <= 0) {
            return RateLimitDecision.ALLOWED;
        }
        if (events > config.burst()) {
            return new RateLimitDecision(
                    false,
                    secondsToRefill(events),
                    "a batch of %d events exceeds the per-source burst of %d: send smaller batches"
                            .formatted(events, config.burst()));
        }
        ConsumptionProbe probe = buckets.get(source, key -> newBucket()).tryConsumeAndReturnRemaining(events);
        if (probe.isConsumed()) {
            return RateLimitDecision.ALLOWED;
        }
        return new RateLimitDecision(
                false,
                Duration.ofNanos(probe.getNanosToWaitForRefill()),
                "more than %d events per second from this source: retry after the Retry-After delay"
                        .formatted(config.eventsPerSecond()));
    }

    private Duration secondsToRefill(int events) {
        return Duration.ofMillis(Math.max(1000, events * 1000L / config.eventsPerSecond()));
    }

    private Bucket newBucket() {
        return Bucket.builder()
                .addLimit(limit ->
                        limit.capacity(config.burst()).refillGreedy(config.eventsPerSecond(), Duration.ofSeconds(1)))
                .withCustomTimePrecision(clock)
                .build();
    }
}
