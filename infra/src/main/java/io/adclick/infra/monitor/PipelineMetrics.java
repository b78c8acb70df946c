package io.adclick.infra.monitor;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.archive.ArchiveFigures.TableFigures;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The monitor's meters, each reading the newest {@link PipelineSample}: a scrape never waits for a
 * source, and a figure its source did not give reads {@code NaN}, never a stale value.
 *
 * <table>
 *   <caption>Metrics (Prometheus names)</caption>
 *   <tr><td>{@code adclick_consumer_lag_records{group,topic}}</td><td>records behind the group's committed offsets</td></tr>
 *   <tr><td>{@code adclick_stream_up}</td><td>1 while the stream job is RUNNING</td></tr>
 *   <tr><td>{@code adclick_stream_checkpoint_duration_seconds}</td><td>the newest completed checkpoint's duration</td></tr>
 *   <tr><td>{@code adclick_stream_checkpoint_size_bytes}</td><td>its full state size</td></tr>
 *   <tr><td>{@code adclick_stream_checkpoint_written_bytes}</td><td>the bytes it wrote (incremental)</td></tr>
 *   <tr><td>{@code adclick_stream_checkpoint_age_seconds}</td><td>how long ago it completed</td></tr>
 *   <tr><td>{@code adclick_stream_checkpoints_completed}, {@code _failed}</td><td>since the job (re)started</td></tr>
 *   <tr><td>{@code adclick_stream_events_total{outcome}}</td><td>the job's counters, see {@link StreamCounter}</td></tr>
 *   <tr><td>{@code adclick_archive_rows}</td><td>rows in {@code raw_events}' current snapshot</td></tr>
 *   <tr><td>{@code adclick_archive_commit_age_seconds}</td><td>how long ago the archive last committed</td></tr>
 *   <tr><td>{@code adclick_archive_valid_through_age_seconds}</td><td>now minus the sink's valid-through timestamp</td></tr>
 *   <tr><td>{@code adclick_monitor_source_up{source}}</td><td>1 when kafka, flink, catalog answered the last sample</td></tr>
 *   <tr><td>{@code adclick_monitor_sample_age_seconds}</td><td>how old the newest sample is</td></tr>
 * </table>
 */
public final class PipelineMetrics {
    private final Supplier<PipelineSample> sample;
    private final Clock clock;

    private PipelineMetrics(Supplier<PipelineSample> sample, Clock clock) {
        this.sample = sample;
        this.clock = clock;
    }

    /** Registers the meters on {@code registry}; they read {@code sample} at each scrape. */
    public static void bind(MeterRegistry registry, Supplier<PipelineSample> sample, Clock clock) {
        requireNonNull(registry, "registry is null");
        new PipelineMetrics(requireNonNull(sample, "sample is null"), requireNonNull(clock, "clock is null"))
                .register(registry);
    }

    private void register(MeterRegistry registry) {
        for (ConsumerLag consumer : ConsumerLag.pipeline()) {
            gauge(
                            registry,
                            "adclick.consumer.lag",
                            "records",
                            "Records behind the consumer group's committed offsets",
                            s -> s.kafkaUp() && s.lags().containsKey(consumer)
                                    ? s.lags().get(consumer).doubleValue()
                                    : Double.NaN)
                    .tag("group", consumer.group())
                    .tag("topic", consumer.topic())
                    .register(registry);
        }

        gauge(
                        registry,
                        "adclick.stream.up",
                        null,
                        "1 while the stream job is RUNNING in Flink",
                        s -> s.flinkUp()
                                ? s.stream().filter(FlinkJobFigures::running).isPresent() ? 1 : 0
                                : Double.NaN)
                .register(registry);
        checkpointGauge(
                registry,
                "adclick.stream.checkpoint.duration",
                "seconds",
                "Duration of the newest completed checkpoint",
                c -> c.duration().toMillis() / 1000.0);
        checkpointGauge(
                registry,
                "adclick.stream.checkpoint.size",
                "bytes",
                "Full state size of the newest completed checkpoint",
                c -> (double) c.stateSize());
        checkpointGauge(
                registry,
                "adclick.stream.checkpoint.written",
                "bytes",
                "Bytes the newest completed checkpoint wrote (incremental)",
                c -> (double) c.checkpointedSize());
        checkpointGauge(
                registry,
                "adclick.stream.checkpoint.age",
                "seconds",
                "How long ago the newest checkpoint completed",
                c -> seconds(c.completedAt()));
        streamGauge(
                registry, "adclick.stream.checkpoints.completed", "Checkpoints completed since the job started", j ->
                        (double) j.completedCheckpoints());
        streamGauge(registry, "adclick.stream.checkpoints.failed", "Checkpoints failed since the job started", j ->
                (double) j.failedCheckpoints());
        for (StreamCounter counter : StreamCounter.values()) {
            FunctionCounter.builder("adclick.stream.events", this, m -> m.stream()
                            .map(j -> j.counters().getOrDefault(counter, 0L).doubleValue())
                            .orElse(Double.NaN))
                    .description("Events counted by the stream job since it (re)started, by outcome")
                    .tag("outcome", counter.outcome())
                    .register(registry);
        }

        archiveGauge(
                registry,
                "adclick.archive.rows",
                null,
                "Rows in raw_events' current snapshot",
                t -> Optional.of((double) t.rows()));
        archiveGauge(
                registry,
                "adclick.archive.commit.age",
                "seconds",
                "How long ago raw_events was last committed",
                t -> t.committedAt().map(this::seconds));
        archiveGauge(
                registry,
                "adclick.archive.valid.through.age",
                "seconds",
                "Now minus the Iceberg sink's valid-through timestamp: older acknowledged events are all archived",
                t -> t.validThrough().map(this::seconds));

        sourceGauge(registry, "kafka", PipelineSample::kafkaUp);
        sourceGauge(registry, "flink", PipelineSample::flinkUp);
        sourceGauge(registry, "catalog", PipelineSample::catalogUp);
        gauge(
                        registry,
                        "adclick.monitor.sample.age",
                        "seconds",
                        "How old the monitor's newest sample is",
                        s -> seconds(s.sampledAt()))
                .register(registry);
    }

    private Optional<FlinkJobFigures> stream() {
        return sample.get().stream();
    }

    private Gauge.Builder<PipelineMetrics> gauge(
            MeterRegistry registry, String name, String unit, String description, ToDoubleFunction<PipelineSample> f) {
        Gauge.Builder<PipelineMetrics> builder =
                Gauge.builder(name, this, m -> f.applyAsDouble(m.sample.get())).description(description);
        return unit == null ? builder : builder.baseUnit(unit);
    }

    private void streamGauge(
            MeterRegistry registry, String name, String description, ToDoubleFunction<FlinkJobFigures> f) {
        gauge(registry, name, null, description, s -> s.stream()
                        .map(f::applyAsDouble)
                        .orElse(Double.NaN))
                .register(registry);
    }

    private void checkpointGauge(
            MeterRegistry registry,
            String name,
            String unit,
            String description,
            Function<FlinkJobFigures.Checkpoint, Double> f) {
        gauge(registry, name, unit, description, s -> s.stream()
                        .flatMap(FlinkJobFigures::latestCheckpoint)
                        .map(f)
                        .orElse(Double.NaN))
                .register(registry);
    }

    private void archiveGauge(
            MeterRegistry registry,
            String name,
            String unit,
            String description,
            Function<TableFigures, Optional<Double>> f) {
        gauge(registry, name, unit, description, s -> s.archive().flatMap(f).orElse(Double.NaN))
                .register(registry);
    }

    private void sourceGauge(MeterRegistry registry, String source, java.util.function.Predicate<PipelineSample> up) {
        gauge(
                        registry,
                        "adclick.monitor.source.up",
                        null,
                        "1 when the source answered the newest sample",
                        s -> up.test(s) ? 1 : 0)
                .tag("source", source)
                .register(registry);
    }

    private double seconds(Instant then) {
        return Math.max(0, Duration.between(then, clock.instant()).toMillis() / 1000.0);
    }
}
