package io.adclick.infra.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.launcher.PrometheusText;
import org.junit.jupiter.api.Test;

class TestMonitorFigures {
    @Test
    void summarisesLagCheckpointsArchiveAndDedupOnOneLine() {
        PrometheusText metrics = PrometheusText.parse(
                """
                adclick_consumer_lag_records{group="adclick-stream-estimates",topic="events.raw"} 12.0
                adclick_consumer_lag_records{group="connect-raw-events-archive",topic="events.raw"} 0.0
                adclick_stream_checkpoint_duration_seconds 0.125
                adclick_stream_checkpoint_age_seconds 3.2
                adclick_archive_commit_age_seconds 4.0
                adclick_stream_events_total{outcome="decoded"} 1000.0
                adclick_stream_events_total{outcome="duplicate"} 121.0
                adclick_stream_events_total{outcome="late"} 25.0
                """);

        assertThat(new MonitorFigures(metrics).describe())
                .isEqualTo("stream lag 12, checkpoint 0.13 s (3 s ago); archive lag 0, committed 4 s ago;"
                        + " duplicates 12.1%, late 25");
    }

    @Test
    void figuresASourceDidNotGiveReadNotAvailable() {
        PrometheusText metrics = PrometheusText.parse(
                """
                adclick_consumer_lag_records{group="adclick-stream-estimates",topic="events.raw"} NaN
                adclick_stream_events_total{outcome="decoded"} NaN
                """);

        assertThat(new MonitorFigures(metrics).describe())
                .isEqualTo("stream lag n/a, checkpoint n/a s (n/a s ago); archive lag n/a, committed n/a s ago;"
                        + " duplicates n/a, late n/a");
    }
}
