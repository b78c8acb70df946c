package io.adclick.infra.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.archive.ArchiveFigures.TableFigures;
import io.adclick.infra.launcher.PrometheusText;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.schemas.wire.Topics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TestPipelineMetrics {
    private static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    private static final ConsumerLag STREAM = new ConsumerLag(StreamEstimates.CONSUMER_GROUP, Topics.EVENTS_RAW);

    private final AtomicReference<PipelineSample> sample = new AtomicReference<>(PipelineSample.none(NOW));
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

    TestPipelineMetrics() {
        PipelineMetrics.bind(registry, sample::get, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void everyFigureOfTheNewestSampleIsExposedUnderItsPrometheusName() {
        sample.set(new PipelineSample(
                NOW.minusSeconds(2),
                true,
                Map.of(STREAM, 42L),
                true,
                Optional.of(new FlinkJobFigures(
                        "job",
                        "RUNNING",
                        10,
                        1,
                        Optional.of(new FlinkJobFigures.Checkpoint(
                                11, NOW.minusSeconds(3), Duration.ofMillis(250), 4096, 512)),
                        Map.of(StreamCounter.DECODED, 1000L, StreamCounter.DUPLICATE, 12L))),
                true,
                Optional.of(new TableFigures(
                        4,
                        5000,
                        OptionalLong.of(7),
                        Optional.of(NOW.minusSeconds(6)),
                        Optional.of(NOW.minusSeconds(9))))));

        PrometheusText text = scrape();

        assertThat(value(text, "adclick_consumer_lag_records", "group=\"adclick-stream-estimates\""))
                .isEqualTo(42);
        assertThat(value(text, "adclick_consumer_lag_records", "group=\"connect-raw-events-archive\""))
                .as("a consumer the sample has no figure for")
                .isNaN();
        assertThat(value(text, "adclick_stream_up", "")).isEqualTo(1);
        assertThat(value(text, "adclick_stream_checkpoint_duration_seconds", ""))
                .isEqualTo(0.25);
        assertThat(value(text, "adclick_stream_checkpoint_size_bytes", "")).isEqualTo(4096);
        assertThat(value(text, "adclick_stream_checkpoint_written_bytes", "")).isEqualTo(512);
        assertThat(value(text, "adclick_stream_checkpoint_age_seconds", "")).isEqualTo(3);
        assertThat(value(text, "adclick_stream_checkpoints_completed", "")).isEqualTo(10);
        assertThat(value(text, "adclick_stream_checkpoints_failed", "")).isEqualTo(1);
        assertThat(value(text, "adclick_stream_events_total", "outcome=\"decoded\""))
                .isEqualTo(1000);
        assertThat(value(text, "adclick_stream_events_total", "outcome=\"duplicate\""))
                .isEqualTo(12);
        assertThat(value(text, "adclick_stream_events_total", "outcome=\"late\""))
                .isZero();
        assertThat(value(text, "adclick_archive_rows", "")).isEqualTo(5000);
        assertThat(value(text, "adclick_archive_commit_age_seconds", "")).isEqualTo(6);
        assertThat(value(text, "adclick_archive_valid_through_age_seconds", "")).isEqualTo(9);
        assertThat(value(text, "adclick_monitor_source_up", "source=\"flink\"")).isEqualTo(1);
        assertThat(value(text, "adclick_monitor_sample_age_seconds", "")).isEqualTo(2);
    }

    @Test
    void aSourceThatDidNotAnswerReadsNaNNotAStaleValue() {
        sample.set(
                new PipelineSample(NOW, false, Map.of(STREAM, 42L), false, Optional.empty(), false, Optional.empty()));

        PrometheusText text = scrape();

        assertThat(value(text, "adclick_consumer_lag_records", "group=\"adclick-stream-estimates\""))
                .isNaN();
        assertThat(value(text, "adclick_stream_up", "")).isNaN();
        assertThat(value(text, "adclick_stream_checkpoint_duration_seconds", ""))
                .isNaN();
        assertThat(value(text, "adclick_archive_commit_age_seconds", "")).isNaN();
        assertThat(value(text, "adclick_monitor_source_up", "source=\"kafka\"")).isZero();
        assertThat(value(text, "adclick_monitor_source_up", "source=\"catalog\""))
                .isZero();
    }

    @Test
    void aFlinkWithoutTheJobReportsItDown() {
        sample.set(new PipelineSample(NOW, true, Map.of(), true, Optional.empty(), true, Optional.empty()));

        assertThat(value(scrape(), "adclick_stream_up", "")).isZero();
    }

    private PrometheusText scrape() {
        return PrometheusText.parse(registry.scrape());
    }

    private static double value(PrometheusText text, String name, String label) {
        var matching = text.samples().stream()
                .filter(s -> s.name().equals(name) && s.labels().contains(label))
                .toList();
        assertThat(matching).as(name + "{" + label + "}").hasSize(1);
        return matching.get(0).value();
    }
}
