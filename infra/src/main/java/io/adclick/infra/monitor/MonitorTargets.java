package io.adclick.infra.monitor;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.schemas.stream.StreamJobContract;
import java.net.URI;
import java.time.Duration;

/**
 * What the pipeline monitor watches and where it serves its metrics: the embedded stack's
 * endpoints ({@link #of(StackConfig)}) or a production deployment's ({@code adclick monitor}).
 *
 * @param kafkaBootstrap the brokers
 * @param flinkRest the Flink REST API that runs the stream job
 * @param catalog the Iceberg REST catalog of {@code raw_events}
 * @param bindAddress the address {@code /metrics} binds to
 * @param port the port of {@code /metrics}
 * @param interval how often it samples
 */
public record MonitorTargets(
        String kafkaBootstrap, URI flinkRest, URI catalog, String bindAddress, int port, Duration interval) {

    /** The stream job's name in Flink. */
    public static final String STREAM_JOB_NAME = StreamJobContract.JOB_NAME;

    public MonitorTargets {
        requireNonNull(kafkaBootstrap, "kafkaBootstrap is null");
        requireNonNull(flinkRest, "flinkRest is null");
        requireNonNull(catalog, "catalog is null");
        requireNonNull(bindAddress, "bindAddress is null");
        requireNonNull(interval, "interval is null");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("Invalid monitor port: %d (use 1-65535, or 0 for any)".formatted(port));
        }
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("Invalid monitor interval: " + interval + " (must be positive)");
        }
    }

    /** The embedded stack's endpoints, served on loopback. */
    public static MonitorTargets of(StackConfig config) {
        return new MonitorTargets(
                config.kafkaBootstrap(),
                StreamEstimates.restUrl(config),
                URI.create(config.archive().catalogUrl()),
                StackConfig.LOOPBACK,
                config.monitor().port(),
                config.monitor().interval());
    }
}
