package io.adclick.infra.config;

import static java.util.Objects.requireNonNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;

/**
 * Ports, heaps, timeouts and paths of the embedded stack. Every default is below, next to the
 * environment variable that overrides it; command-line flags override both. That the ports differ
 * is checked by the launcher's registry, which knows every component's ports.
 *
 * @param stateDir where data, logs and {@code run/stack.json} live
 * @param trafficRate requests per second of the synthetic traffic {@code adclick up} starts
 * @param archive the object store, REST catalog and Connect worker of the raw archive
 * @param truth the billing truth jobs and their schedule
 * @param stream the stream estimates job
 * @param pinot the Apache Pinot that serves the stream's rollups
 * @param query the Trino coordinator and the query router
 * @param monitor the pipeline monitor's Prometheus endpoint
 */
public record StackConfig(
        AdclickHome home,
        Path stateDir,
        int kafkaPort,
        int kafkaControllerPort,
        int edgePort,
        String kafkaHeap,
        String edgeHeap,
        int trafficRate,
        Duration startTimeout,
        Duration stopTimeout,
        int backgroundNice,
        ArchiveConfig archive,
        TruthConfig truth,
        StreamConfig stream,
        PinotConfig pinot,
        QueryConfig query,
        MonitorConfig monitor) {

    public static final String STATE_DIR_ENV = "ADCLICK_STATE_DIR";
    /** Relative to {@code ADCLICK_HOME}. */
    public static final String DEFAULT_STATE_DIR = ".adclick";

    public static final String KAFKA_PORT_ENV = "ADCLICK_KAFKA_PORT";
    public static final int DEFAULT_KAFKA_PORT = 9092;

    public static final String KAFKA_CONTROLLER_PORT_ENV = "ADCLICK_KAFKA_CONTROLLER_PORT";
    public static final int DEFAULT_KAFKA_CONTROLLER_PORT = 9093;

    public static final String EDGE_PORT_ENV = "ADCLICK_EDGE_PORT";
    public static final int DEFAULT_EDGE_PORT = 8080;

    public static final String KAFKA_HEAP_ENV = "ADCLICK_KAFKA_HEAP";
    public static final String DEFAULT_KAFKA_HEAP = "768m";

    public static final String EDGE_HEAP_ENV = "ADCLICK_EDGE_HEAP";
    public static final String DEFAULT_EDGE_HEAP = "512m";

    public static final String TRAFFIC_RATE_ENV = "ADCLICK_TRAFFIC_RATE";
    public static final int DEFAULT_TRAFFIC_RATE = 20;

    public static final String START_TIMEOUT_ENV = "ADCLICK_START_TIMEOUT_SECONDS";
    public static final Duration DEFAULT_START_TIMEOUT = Duration.ofSeconds(90);

    public static final String STOP_TIMEOUT_ENV = "ADCLICK_STOP_TIMEOUT_SECONDS";
    public static final Duration DEFAULT_STOP_TIMEOUT = Duration.ofSeconds(30);

    public static final String BACKGROUND_NICE_ENV = "ADCLICK_BACKGROUND_NICE";
    /**
     * How much lower the CPU priority of the pipeline's processing components is than that of the
     * ingest path (Kafka, the edge) and the query path: on a shared machine a burst of traffic
     * makes the consumers lag instead of slowing down what the edge acknowledges. 0 turns it off.
     */
    public static final int DEFAULT_BACKGROUND_NICE = 10;

    /** Every server binds this address only. */
    public static final String LOOPBACK = "127.0.0.1";

    public StackConfig {
        requireNonNull(home, "home is null");
        requireNonNull(stateDir, "stateDir is null");
        stateDir = stateDir.toAbsolutePath().normalize();
        port("Kafka port", kafkaPort);
        port("Kafka controller port", kafkaControllerPort);
        port("edge port", edgePort);
        requireNonNull(archive, "archive is null");
        requireNonNull(truth, "truth is null");
        requireNonNull(stream, "stream is null");
        requireNonNull(pinot, "pinot is null");
        requireNonNull(query, "query is null");
        requireNonNull(monitor, "monitor is null");
        heap(KAFKA_HEAP_ENV, kafkaHeap);
        heap(EDGE_HEAP_ENV, edgeHeap);
        if (trafficRate < 1 || trafficRate > 100_000) {
            throw new IllegalArgumentException(
                    "Invalid traffic rate: %d requests/s (use 1-100000, %s)".formatted(trafficRate, TRAFFIC_RATE_ENV));
        }
        positive("start timeout", startTimeout);
        positive("stop timeout", stopTimeout);
        if (backgroundNice < 0 || backgroundNice > 19) {
            throw new IllegalArgumentException(
                    "Invalid background nice value: %d (use 0-19, %s)".formatted(backgroundNice, BACKGROUND_NICE_ENV));
        }
    }

    /** The defaults, with the state directory under {@code home}. */
    public static StackConfig defaults(AdclickHome home) {
        return fromEnvironment(home, Map.of());
    }

    /** The defaults overridden by {@code ADCLICK_*} variables from {@code env}. */
    public static StackConfig fromEnvironment(AdclickHome home, Map<String, String> env) {
        requireNonNull(env, "env is null");
        return new StackConfig(
                home,
                get(env, STATE_DIR_ENV, Path::of, home.root().resolve(DEFAULT_STATE_DIR)),
                get(env, KAFKA_PORT_ENV, Integer::parseInt, DEFAULT_KAFKA_PORT),
                get(env, KAFKA_CONTROLLER_PORT_ENV, Integer::parseInt, DEFAULT_KAFKA_CONTROLLER_PORT),
                get(env, EDGE_PORT_ENV, Integer::parseInt, DEFAULT_EDGE_PORT),
                get(env, KAFKA_HEAP_ENV, Function.identity(), DEFAULT_KAFKA_HEAP),
                get(env, EDGE_HEAP_ENV, Function.identity(), DEFAULT_EDGE_HEAP),
                get(env, TRAFFIC_RATE_ENV, Integer::parseInt, DEFAULT_TRAFFIC_RATE),
                get(env, START_TIMEOUT_ENV, s -> Duration.ofSeconds(Long.parseLong(s)), DEFAULT_START_TIMEOUT),
                get(env, STOP_TIMEOUT_ENV, s -> Duration.ofSeconds(Long.parseLong(s)), DEFAULT_STOP_TIMEOUT),
                get(env, BACKGROUND_NICE_ENV, Integer::parseInt, DEFAULT_BACKGROUND_NICE),
                ArchiveConfig.fromEnvironment(env),
                TruthConfig.fromEnvironment(env),
                StreamConfig.fromEnvironment(env),
                PinotConfig.fromEnvironment(env),
                QueryConfig.fromEnvironment(env),
                MonitorConfig.fromEnvironment(env));
    }

    /** Trino's configuration and data: {@code <state>/trino}. */
    public Path trinoDir() {
        return stateDir.resolve("trino");
    }

    public Path logsDir() {
        return stateDir.resolve("logs");
    }

    /** The log file of one component: {@code <state>/logs/<component>.log}. */
    public Path logFile(String component) {
        return logsDir().resolve(component + ".log");
    }

    /** {@code <state>/run/stack.json}. */
    public Path stackFile() {
        return stateDir.resolve("run").resolve("stack.json");
    }

    /** The broker's configuration and data: {@code <state>/kafka}. */
    public Path kafkaDir() {
        return stateDir.resolve("kafka");
    }

    /** The edge's durable spool: {@code <state>/edge/spool}. */
    public Path edgeSpoolDir() {
        return stateDir.resolve("edge").resolve("spool");
    }

    /** The object store's configuration, and its buckets under {@code data/}: {@code <state>/objectstore}. */
    public Path objectStoreDir() {
        return stateDir.resolve("objectstore");
    }

    /** The REST catalog's SQLite database and settings: {@code <state>/catalog}. */
    public Path catalogDir() {
        return stateDir.resolve("catalog");
    }

    /** The Connect worker's configuration: {@code <state>/connect}. */
    public Path connectDir() {
        return stateDir.resolve("connect");
    }

    /** The truth jobs' launcher state (last run, interrupted backfill): {@code <state>/truth}. */
    public Path truthDir() {
        return stateDir.resolve("truth");
    }

    /** The stream estimates job's Flink state: {@code <state>/flink}. */
    public Path flinkDir() {
        return stateDir.resolve("flink");
    }

    /** Pinot's ZooKeeper data, segments and generated configuration: {@code <state>/pinot}. */
    public Path pinotDir() {
        return stateDir.resolve("pinot");
    }

    /** Where the stream job checkpoints, and restores from after a crash: {@code <state>/flink/checkpoints}. */
    public Path flinkCheckpointDir() {
        return flinkDir().resolve("checkpoints");
    }

    /**
     * The stream job's local working directories (its MiniCluster's temporary files, RocksDB's
     * instances): its {@code java.io.tmpdir}, emptied at every start, since a restore rebuilds
     * them from the checkpoint.
     */
    public Path flinkWorkDir() {
        return flinkDir().resolve("work");
    }

    public String kafkaBootstrap() {
        return LOOPBACK + ":" + kafkaPort;
    }

    public String edgeUrl() {
        return "http://" + LOOPBACK + ":" + edgePort;
    }

    static <T> T get(Map<String, String> env, String key, Function<String, T> parse, T fallback) {
        String value = env.get(key);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return parse.apply(value.strip());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("Invalid %s=\"%s\": %s".formatted(key, value, e.getMessage()), e);
        }
    }

    static void port(String what, int port) {
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Invalid %s: %d (use 1-65535)".formatted(what, port));
        }
    }

    public String monitorUrl() {
        return "http://" + LOOPBACK + ":" + monitor.port();
    }

    static void heap(String key, String heap) {
        requireNonNull(heap, key + " is null");
        if (!heap.matches("[1-9][0-9]*[mMgG]")) {
            throw new IllegalArgumentException(
                    "Invalid heap size %s=\"%s\": use a size like 512m or 2g".formatted(key, heap));
        }
    }

    private static void positive(String what, Duration duration) {
        requireNonNull(duration, what + " is null");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException("Invalid %s: %s (must be positive)".formatted(what, duration));
        }
    }
}
