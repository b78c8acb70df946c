package io.adclick.router.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;

/**
 * How the router watches the pipeline for its {@code /metrics} gauges ({@code
 * adclick.router.pipeline.*}): truth lag, job runs, reconciliation alerts and the freshness of the
 * estimates, read in the background so that a scrape never waits on Trino or Pinot.
 *
 * @param refreshInterval how often the gauges are read again from Trino and Pinot
 * @param window how far back failed runs, reconciliation alerts and the largest residual are
 *     counted (by start of run, and by event hour)
 */
@ConfigurationProperties("adclick.router.pipeline")
public record PipelineConfig(
        @Bindable(defaultValue = "15s") @NotNull Duration refreshInterval,
        @Bindable(defaultValue = "7d") @NotNull Duration window) {

    public PipelineConfig {
        if (refreshInterval.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException(
                    "Invalid adclick.router.pipeline.refresh-interval %s: use at least 1s, such as 15s"
                            .formatted(refreshInterval));
        }
        if (window.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException(
                    "Invalid adclick.router.pipeline.window %s: use at least 1h, such as 7d".formatted(window));
        }
    }
}
