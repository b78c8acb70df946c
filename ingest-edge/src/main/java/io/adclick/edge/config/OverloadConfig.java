package io.adclick.edge.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The edge's adaptive concurrency limits ({@code adclick.edge.overload.*}): how many requests of
 * each lane it works on at once. Each limit moves between its minimum and maximum with the
 * lane's latency (Netflix's gradient algorithm); a request over the limit gets {@code 503} with
 * {@code Retry-After} at once instead of queueing behind the others. Batch requests
 * ({@code POST /v1/events}) and single tracked events ({@code /i}, {@code /c}) have their own
 * limits, so a flood of batches cannot starve the redirects.
 *
 * @param enabled whether requests are limited at all
 * @param retryAfter the {@code Retry-After} sent with a refusal
 * @param batchInitialLimit the batch lane's limit at start
 * @param batchMinLimit the batch lane's lowest limit
 * @param batchMaxLimit the batch lane's highest limit
 * @param trackingInitialLimit the tracking lane's limit at start
 * @param trackingMinLimit the tracking lane's lowest limit; high, because a refused {@code /c} is a
 *     reader not sent to the landing page: the gradient shrank a limit of 16 under the CPU
 *     contention of a shared machine and refused 30% of the redirects at 5,000 req/s while the
 *     edge still had capacity (docs/benchmarks.md)
 * @param trackingMaxLimit the tracking lane's highest limit
 */
@ConfigurationProperties("adclick.edge.overload")
public record OverloadConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "1s") @NotNull Duration retryAfter,
        @Bindable(defaultValue = "16") @Min(1) int batchInitialLimit,
        @Bindable(defaultValue = "4") @Min(1) int batchMinLimit,
        @Bindable(defaultValue = "128") @Min(1) int batchMaxLimit,
        @Bindable(defaultValue = "256") @Min(1) int trackingInitialLimit,
        @Bindable(defaultValue = "128") @Min(1) int trackingMinLimit,
        @Bindable(defaultValue = "2048") @Min(1) int trackingMaxLimit) {

    public OverloadConfig {
        requireOrdered("batch", batchMinLimit, batchInitialLimit, batchMaxLimit);
        requireOrdered("tracking", trackingMinLimit, trackingInitialLimit, trackingMaxLimit);
    }

    private static void requireOrdered(String lane, int min, int initial, int max) {
        if (min > initial || initial > max) {
            throw new IllegalArgumentException(
                    "Invalid adclick.edge.overload.%s-*-limit: min %d, initial %d, max %d (must be min <= initial <= max)"
                            .formatted(lane, min, initial, max));
        }
    }
}
