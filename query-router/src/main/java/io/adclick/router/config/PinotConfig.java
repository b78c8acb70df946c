package io.adclick.router.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.net.URI;
import java.time.Duration;

/**
 * Where the router reads the stream estimates ({@code adclick.router.pinot.*}).
 *
 * @param brokerUrl the Pinot broker, e.g. {@code http://127.0.0.1:8099}
 * @param queryTimeout how long one broker query may take before dashboard mode falls back to truth
 *     or answers 503
 * @param maxRows the most (minute, group) rows one dashboard query may read from Pinot
 */
@ConfigurationProperties("adclick.router.pinot")
public record PinotConfig(
        @Bindable(defaultValue = "http://127.0.0.1:8099") @NotBlank String brokerUrl,
        @Bindable(defaultValue = "5s") @NotNull Duration queryTimeout,
        @Bindable(defaultValue = "200000") int maxRows) {

    public PinotConfig {
        if (!brokerUrl.matches("https?://[^/?#]+/?")) {
            throw new IllegalArgumentException(
                    "Invalid adclick.router.pinot.broker-url \"%s\": use http://host:port".formatted(brokerUrl));
        }
        if (queryTimeout.isNegative() || queryTimeout.isZero()) {
            throw new IllegalArgumentException(
                    "Invalid adclick.router.pinot.query-timeout %s: use a positive duration such as 5s"
                            .formatted(queryTimeout));
        }
        if (maxRows < 1) {
            throw new IllegalArgumentException(
                    "Invalid adclick.router.pinot.max-rows %d: use a positive number".formatted(maxRows));
        }
    }

    public URI brokerUri() {
        return URI.create(brokerUrl);
    }
}
