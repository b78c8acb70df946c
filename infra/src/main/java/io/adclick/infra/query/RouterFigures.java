package io.adclick.infra.query;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.launcher.PrometheusText;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalDouble;

/**
 * The query router's pipeline figures for {@code adclick status}, read from its {@code /metrics}:
 * how far billing truth is complete, the newest reconciled hour and its alerts, the estimates' age.
 *
 * @param metrics the router's exposition
 */
public record RouterFigures(PrometheusText metrics) {
    public RouterFigures {
        requireNonNull(metrics, "metrics is null");
    }

    /**
     * e.g. {@code truth complete through 2026-11-26T06:00:00Z (lag 4,212 s); reconciled through
     * 2026-11-26T05:00:00Z, 0 alerts (7 d); estimates newest minute 35 s ago}.
     */
    public String describe() {
        return "truth complete through %s (lag %s s); reconciled through %s, %s alerts (window); estimates newest minute %s s ago"
                .formatted(
                        instant(gauge("adclick_truth_complete_through_seconds")),
                        number(gauge("adclick_truth_lag_seconds")),
                        instant(gauge("adclick_reconciliation_newest_hour_seconds")),
                        number(gauge("adclick_reconciliation_alerts")),
                        number(gauge("adclick_estimates_newest_minute_age_seconds")));
    }

    private OptionalDouble gauge(String name) {
        OptionalDouble value = metrics.value(name, "");
        return value.isPresent() && !Double.isNaN(value.getAsDouble()) ? value : OptionalDouble.empty();
    }

    private static String instant(OptionalDouble epochSeconds) {
        return epochSeconds.isPresent()
                ? Instant.ofEpochSecond((long) epochSeconds.getAsDouble())
                        .truncatedTo(ChronoUnit.SECONDS)
                        .toString()
                : "n/a";
    }

    private static String number(OptionalDouble value) {
        return value.isPresent() ? "%,d".formatted(Math.round(value.getAsDouble())) : "n/a";
    }
}
