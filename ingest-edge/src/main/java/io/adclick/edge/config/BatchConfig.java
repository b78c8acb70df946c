package io.adclick.edge.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import io.micronaut.core.convert.format.ReadableBytes;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * Limits of the SDK batch API {@code POST /v1/events} ({@code adclick.edge.batch.*}). The body
 * limit must equal {@code micronaut.server.max-request-size}, which the shipped configuration
 * derives from it.
 *
 * @param maxEvents the most events in one request
 * @param maxBytes the largest request body in bytes
 * @param maxEventTimeSkew how far after the edge's clock an {@code event_time} may be
 */
@ConfigurationProperties("adclick.edge.batch")
public record BatchConfig(
        @Bindable(defaultValue = "1000") @Min(1) @Max(100_000) int maxEvents,
        @Bindable(defaultValue = "1048576") @ReadableBytes @Min(1024) long maxBytes,
        @Bindable(defaultValue = "5m") @NotNull Duration maxEventTimeSkew) {}
