package io.adclick.infra.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Map;

/**
 * The pipeline monitor: the Prometheus endpoint of the stream and archive figures (consumer lag,
 * checkpoints, dedup and late counts, archive freshness). Every default is below, next to the
 * environment variable that overrides it.
 *
 * @param port the HTTP port of its {@code /metrics}, on loopback
 * @param interval how often it samples Kafka, Flink and the catalog (a scrape never waits for them)
 */
public record MonitorConfig(int port, Duration interval) {

    public static final String PORT_ENV = "ADCLICK_MONITOR_PORT";
    public static final int DEFAULT_PORT = 8097;

    public static final String INTERVAL_ENV = "ADCLICK_MONITOR_INTERVAL_SECONDS";
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(5);

    public MonitorConfig {
        StackConfig.port("monitor port (" + PORT_ENV + ")", port);
        requireNonNull(interval, "interval is null");
        if (interval.toSeconds() < 1 || interval.toSeconds() > 300) {
            throw new IllegalArgumentException(
                    "Invalid %s: %d s (use 1-300)".formatted(INTERVAL_ENV, interval.toSeconds()));
        }
    }

    /** The defaults overridden by {@code ADCLICK_MONITOR_*} variables from {@code env}. */
    public static MonitorConfig fromEnvironment(Map<String, String> env) {
        requireNonNull(env, "env is null");
        return new MonitorConfig(
                StackConfig.get(env, PORT_ENV, Integer::parseInt, DEFAULT_PORT),
                StackConfig.get(env, INTERVAL_ENV, s -> Duration.ofSeconds(Long.parseLong(s)), DEFAULT_INTERVAL));
    }
}
