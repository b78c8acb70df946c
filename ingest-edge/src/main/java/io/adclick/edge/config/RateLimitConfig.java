package io.adclick.edge.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * The per-source rate limit of {@code POST /v1/events} ({@code adclick.edge.rate-limit.*}). A
 * source is the {@code X-Api-Key} header, else the client address; each event costs one token.
 *
 * @param enabled whether requests are limited at all
 * @param eventsPerSecond the sustained rate each source may send
 * @param burst how many events a source may send at once after being idle; batches larger than
 *     this are always refused
 * @param maxSources how many sources are tracked at once (least recently seen are forgotten)
 * @param idleExpiry how long an idle source's bucket is kept
 */
@ConfigurationProperties("adclick.edge.rate-limit")
public record RateLimitConfig(
        @Bindable(defaultValue = "true") boolean enabled,
        @Bindable(defaultValue = "200000") @Min(1) long eventsPerSecond,
        @Bindable(defaultValue = "400000") @Min(1) long burst,
        @Bindable(defaultValue = "100000") @Min(1) long maxSources,
        @Bindable(defaultValue = "10m") @NotNull Duration idleExpiry) {}
