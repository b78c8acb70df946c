package io.adclick.infra.monitor;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.launcher.PrometheusText;
import io.adclick.infra.stream.StreamEstimates;
import java.util.OptionalDouble;

/**
 * The pipeline monitor's key figures for {@code adclick status}, read from its {@code /metrics}.
 *
 * @param metrics the monitor's exposition
 */
public record MonitorFigures(PrometheusText metrics) {
    public MonitorFigures {
        requireNonNull(metrics, "metrics is null");
    }

    /**
     * e.g. {@code stream lag 0, checkpoint 0.02 s (3 s ago); archive lag 0, committed 4 s ago;
     * duplicates 12.1%, late 25}.
     */
    public String describe() {
        double decoded = events("decoded");
        double duplicates = events("duplicate");
        return "stream lag %s, checkpoint %s s (%s s ago); archive lag %s, committed %s s ago; duplicates %s, late %s"
                .formatted(
                        format(lag(StreamEstimates.CONSUMER_GROUP)),
                        format(metrics.value("adclick_stream_checkpoint_duration_seconds", ""), "%.2f"),
                        format(metrics.value("adclick_stream_checkpoint_age_seconds", "")),
                        format(lag(io.adclick.infra.archive.ArchiveConnector.CONSUMER_GROUP)),
                        format(metrics.value("adclick_archive_commit_age_seconds", "")),
                        decoded > 0 ? "%.1f%%".formatted(100 * duplicates / decoded) : "n/a",
                        format(OptionalDouble.of(events("late"))));
    }

    private OptionalDouble lag(String group) {
        return metrics.value("adclick_consumer_lag_records", "group=\"" + group + "\"");
    }

    private double events(String outcome) {
        return metrics.value("adclick_stream_events_total", "outcome=\"" + outcome + "\"")
                .orElse(Double.NaN);
    }

    private static String format(OptionalDouble value) {
        return format(value, "%.0f");
    }

    private static String format(OptionalDouble value, String pattern) {
        return value.isPresent() && !Double.isNaN(value.getAsDouble()) ? pattern.formatted(value.getAsDouble()) : "n/a";
    }
}
