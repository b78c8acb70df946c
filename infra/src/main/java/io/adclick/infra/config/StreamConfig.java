package io.adclick.infra.config;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * How the stack runs the stream estimates job ({@code stream-estimates}, a Flink MiniCluster in a
 * child JVM). Every default is below, next to the environment variable that overrides it.
 *
 * @param heap the heap of the job's JVM
 * @param stateBackend {@code HASHMAP} (the embedded default) or {@code ROCKSDB} (production)
 * @param parallelism the job's default operator parallelism
 * @param checkpointInterval how often the job checkpoints and commits its Kafka transactions
 * @param earlyFireInterval how often the job emits provisional revisions of minutes still open
 *     (0 waits for the watermark)
 * @param restPort the port of the job's Flink REST API on loopback (job, checkpoint and metric
 *     figures, read by the pipeline monitor)
 */
public record StreamConfig(
        String heap,
        StateBackend stateBackend,
        int parallelism,
        Duration checkpointInterval,
        Duration earlyFireInterval,
        int restPort) {

    /** The Flink state backends the job can use. */
    public enum StateBackend {
        HASHMAP,
        ROCKSDB
    }

    public static final String HEAP_ENV = "ADCLICK_STREAM_HEAP";
    public static final String DEFAULT_HEAP = "1g";

    public static final String STATE_BACKEND_ENV = "ADCLICK_STREAM_STATE_BACKEND";
    public static final StateBackend DEFAULT_STATE_BACKEND = StateBackend.HASHMAP;

    public static final String PARALLELISM_ENV = "ADCLICK_STREAM_PARALLELISM";
    public static final int DEFAULT_PARALLELISM = 2;

    public static final String CHECKPOINT_INTERVAL_ENV = "ADCLICK_STREAM_CHECKPOINT_INTERVAL_SECONDS";
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);

    public static final String EARLY_FIRE_INTERVAL_ENV = "ADCLICK_STREAM_EARLY_FIRE_INTERVAL_MS";
    public static final Duration DEFAULT_EARLY_FIRE_INTERVAL = Duration.ofSeconds(2);

    public static final String REST_PORT_ENV = "ADCLICK_STREAM_REST_PORT";
    public static final int DEFAULT_REST_PORT = 8088;

    public StreamConfig {
        StackConfig.heap(HEAP_ENV, heap);
        requireNonNull(stateBackend, "stateBackend is null");
        if (parallelism < 1 || parallelism > 64) {
            throw new IllegalArgumentException("Invalid %s=%d: use 1-64".formatted(PARALLELISM_ENV, parallelism));
        }
        requireNonNull(checkpointInterval, "checkpointInterval is null");
        if (checkpointInterval.compareTo(Duration.ofSeconds(1)) < 0
                || checkpointInterval.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("Invalid %s: %d s (use 1-300 s; rollups become visible after it)"
                    .formatted(CHECKPOINT_INTERVAL_ENV, checkpointInterval.toSeconds()));
        }
        requireNonNull(earlyFireInterval, "earlyFireInterval is null");
        if (!earlyFireInterval.isZero()
                && (earlyFireInterval.compareTo(Duration.ofMillis(100)) < 0
                        || earlyFireInterval.compareTo(Duration.ofMinutes(1)) > 0)) {
            throw new IllegalArgumentException("Invalid %s: %d ms (use 0 to wait for the watermark, or 100-60000 ms)"
                    .formatted(EARLY_FIRE_INTERVAL_ENV, earlyFireInterval.toMillis()));
        }
    }

    /** The defaults overridden by {@code ADCLICK_STREAM_*} variables from {@code env}. */
    public static StreamConfig fromEnvironment(Map<String, String> env) {
        requireNonNull(env, "env is null");
        return new StreamConfig(
                StackConfig.get(env, HEAP_ENV, Function.identity(), DEFAULT_HEAP),
                StackConfig.get(env, STATE_BACKEND_ENV, StreamConfig::parseBackend, DEFAULT_STATE_BACKEND),
                StackConfig.get(env, PARALLELISM_ENV, Integer::parseInt, DEFAULT_PARALLELISM),
                StackConfig.get(
                        env,
                        CHECKPOINT_INTERVAL_ENV,
                        s -> Duration.ofSeconds(Long.parseLong(s)),
                        DEFAULT_CHECKPOINT_INTERVAL),
                StackConfig.get(
                        env,
                        EARLY_FIRE_INTERVAL_ENV,
                        s -> Duration.ofMillis(Long.parseLong(s)),
                        DEFAULT_EARLY_FIRE_INTERVAL),
                StackConfig.get(env, REST_PORT_ENV, Integer::parseInt, DEFAULT_REST_PORT));
    }

    /** The defaults alone. */
    public static StreamConfig defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * How long without a new checkpoint the job counts as stalled: ten intervals, at least a
     * minute (a restored job catching up on a backlog checkpoints more slowly).
     */
    public Duration stalledAfter() {
        Duration tenIntervals = checkpointInterval.multipliedBy(10);
        return tenIntervals.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : tenIntervals;
    }

    private static StateBackend parseBackend(String value) {
        try {
            return StateBackend.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("use hashmap or rocksdb");
        }
    }
}
