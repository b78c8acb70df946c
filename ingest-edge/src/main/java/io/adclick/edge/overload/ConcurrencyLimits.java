package io.adclick.edge.overload;

import static java.util.Objects.requireNonNull;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.Gradient2Limit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.adclick.edge.config.OverloadConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * One adaptive concurrency limiter per {@link IngestLane} (Netflix concurrency-limits, gradient
 * algorithm: the limit shrinks when a lane's recent latency rises above its long-run latency and
 * grows while it does not), with the limit and the requests in flight as gauges.
 */
public final class ConcurrencyLimits {
    private final Map<IngestLane, SimpleLimiter<Void>> limiters = new EnumMap<>(IngestLane.class);

    public ConcurrencyLimits(OverloadConfig config, MeterRegistry registry) {
        requireNonNull(config, "config is null");
        requireNonNull(registry, "registry is null");
        limiters.put(
                IngestLane.BATCH, limiter(config.batchInitialLimit(), config.batchMinLimit(), config.batchMaxLimit()));
        limiters.put(
                IngestLane.TRACKING,
                limiter(config.trackingInitialLimit(), config.trackingMinLimit(), config.trackingMaxLimit()));
        limiters.forEach((lane, limiter) -> {
            Gauge.builder("adclick.edge.concurrency.limit", limiter, SimpleLimiter::getLimit)
                    .description("Requests the edge works on at once before it answers 503, by lane")
                    .tag("lane", lane.metricName())
                    .register(registry);
            Gauge.builder("adclick.edge.concurrency.inflight", limiter, SimpleLimiter::getInflight)
                    .description("Requests the edge is working on, by lane")
                    .tag("lane", lane.metricName())
                    .register(registry);
        });
    }

    /** A slot in {@code lane}, or empty when the lane is at its limit. */
    public Optional<Limiter.Listener> acquire(IngestLane lane) {
        return limiters.get(lane).acquire(null);
    }

    /** The current limit of {@code lane}. */
    public int limit(IngestLane lane) {
        return limiters.get(lane).getLimit();
    }

    private static SimpleLimiter<Void> limiter(int initial, int min, int max) {
        return SimpleLimiter.newBuilder()
                .limit(Gradient2Limit.newBuilder()
                        .initialLimit(initial)
                        .minLimit(min)
                        .maxConcurrency(max)
                        .build())
                .build();
    }
}
