package io.adclick.edge.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the edge identifies the client of a request ({@code adclick.edge.client.*}).
 *
 * @param trustForwardedFor take the client address from the first hop of {@code X-Forwarded-For};
 *     enable only behind a load balancer that sets it
 * @param uidCookieMaxAge the lifetime of the {@code uid} cookie the edge sets
 * @param uidCookieSecure mark the {@code uid} cookie {@code Secure} (when served over HTTPS)
 * @param userAgentCacheSize how many User-Agent strings keep their parsed device class
 */
@ConfigurationProperties("adclick.edge.client")
public record ClientConfig(
        @Bindable(defaultValue = "false") boolean trustForwardedFor,
        @Bindable(defaultValue = "365d") @NotNull Duration uidCookieMaxAge,
        @Bindable(defaultValue = "false") boolean uidCookieSecure,
        @Bindable(defaultValue = "10000") @Min(1) int userAgentCacheSize) {}
