package io.adclick.stream.config;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.stream.StreamJobContract;
import java.io.Serializable;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.util.TimeUtils;

/**
 * The settings of the job around the pipeline: Kafka, checkpoints, state backend, parallelism and
 * the exactly-once sink. Defaults are the embedded stack's ({@link #defaults()}); production
 * differs only in these values (for example {@code rocksdb}).
 *
 * @param bootstrapServers the Kafka brokers of {@code events.raw}, {@code rollups.minute} and {@code events.late}
 * @param groupId the consumer group (offsets are committed on checkpoints, for monitoring lag)
 * @param checkpointDir where checkpoints are written ({@code <dir>/<job-id>/chk-N})
 * @param checkpointInterval how often a checkpoint is taken and the sink's transactions commit
 * @param stateBackend {@code hashmap} (heap, the embedded default) or {@code rocksdb} (production)
 * @param parallelism the default parallelism of every operator
 * @param transactionalIdPrefix the Kafka transactional-id prefix of the sinks; keep it stable: a job
 *     started with another prefix does not abort the old prefix's open transactions
 * @param transactionTimeout Kafka {@code transaction.timeout.ms}: at least the longest restart
 *     tolerated plus a checkpoint interval, at most the broker's {@code transaction.max.timeout.ms}
 */
public record JobSettings(
        String bootstrapServers,
        String groupId,
        Path checkpointDir,
        Duration checkpointInterval,
        StateBackend stateBackend,
        int parallelism,
        String transactionalIdPrefix,
        Duration transactionTimeout,
        EstimatesConfig estimates)
        implements Serializable {

    /** Kafka brokers refuse a longer transaction timeout by default ({@code transaction.max.timeout.ms}). */
    public static final Duration BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT = Duration.ofMinutes(15);

    public static final String DEFAULT_BOOTSTRAP_SERVERS = "127.0.0.1:9092";
    public static final String DEFAULT_GROUP_ID = StreamJobContract.CONSUMER_GROUP;
    public static final Path DEFAULT_CHECKPOINT_DIR = Path.of(".adclick", "stream", "checkpoints");
    public static final Duration DEFAULT_CHECKPOINT_INTERVAL = Duration.ofSeconds(5);
    public static final StateBackend DEFAULT_STATE_BACKEND = StateBackend.HASHMAP;
    public static final int DEFAULT_PARALLELISM = 2;
    public static final String DEFAULT_TRANSACTIONAL_ID_PREFIX = StreamJobContract.TRANSACTIONAL_ID_PREFIX;
    public static final Duration DEFAULT_TRANSACTION_TIMEOUT = Duration.ofMinutes(10);

    /** Managed (off-heap) memory for RocksDB in the embedded stack, shared by the slots. */
    public static final String ROCKSDB_MANAGED_MEMORY = "256m";

    /** Where keyed state lives. */
    public enum StateBackend {
        HASHMAP,
        ROCKSDB;

        String flinkName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public JobSettings {
        requireNonNull(bootstrapServers, "bootstrapServers is null");
        requireNonNull(groupId, "groupId is null");
        checkpointDir = requireNonNull(checkpointDir, "checkpointDir is null").toAbsolutePath();
        requireNonNull(checkpointInterval, "checkpointInterval is null");
        requireNonNull(stateBackend, "stateBackend is null");
        requireNonNull(transactionalIdPrefix, "transactionalIdPrefix is null");
        requireNonNull(transactionTimeout, "transactionTimeout is null");
        requireNonNull(estimates, "estimates is null");
        if (bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Invalid bootstrap-servers: empty; use host:port[,host:port]");
        }
        if (checkpointInterval.compareTo(Duration.ofMillis(100)) < 0) {
            throw new IllegalArgumentException(
                    "Invalid checkpoint-interval: " + checkpointInterval + "; use at least 100 ms, e.g. 5 s");
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("Invalid parallelism: " + parallelism + "; use 1 or more");
        }
        if (!transactionalIdPrefix.matches("[A-Za-z0-9._-]{1,100}")) {
            throw new IllegalArgumentException("Invalid transactional-id-prefix: '" + transactionalIdPrefix
                    + "'; use 1-100 characters of [A-Za-z0-9._-]");
        }
        if (transactionTimeout.compareTo(checkpointInterval) <= 0
                || transactionTimeout.compareTo(BROKER_DEFAULT_MAX_TRANSACTION_TIMEOUT) > 0) {
            throw new IllegalArgumentException("Invalid transaction-timeout: " + transactionTimeout
                    + "; use more than the checkpoint interval (" + checkpointInterval
                    + ") and at most the broker's transaction.max.timeout.ms (15 min by default)");
        }
    }

    /** The embedded stack's settings. */
    public static JobSettings defaults() {
        return new JobSettings(
                DEFAULT_BOOTSTRAP_SERVERS,
                DEFAULT_GROUP_ID,
                DEFAULT_CHECKPOINT_DIR,
                DEFAULT_CHECKPOINT_INTERVAL,
                DEFAULT_STATE_BACKEND,
                DEFAULT_PARALLELISM,
                DEFAULT_TRANSACTIONAL_ID_PREFIX,
                DEFAULT_TRANSACTION_TIMEOUT,
                EstimatesConfig.defaults());
    }

    /**
     * The Flink configuration of the job: exactly-once checkpoints on disk, retained on
     * cancellation, and a restore from {@code restoreFrom} (a {@code chk-N} directory) when given.
     * A restore drops the state of operators that are no longer in the job (their uids changed
     * with the layout of their state, see
     * {@link io.adclick.stream.EstimatesPipeline#RETIRED_UIDS}) instead of failing.
     */
    public Configuration flinkConfiguration(Optional<Path> restoreFrom) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("execution.checkpointing.interval", TimeUtils.formatWithHighestUnit(checkpointInterval));
        settings.put("execution.checkpointing.mode", "EXACTLY_ONCE");
        settings.put("execution.checkpointing.dir", checkpointDir.toUri().toString());
        settings.put("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION");
        settings.put("execution.checkpointing.num-retained", "3");
        settings.put("execution.checkpointing.incremental", "true");
        settings.put("state.backend.type", stateBackend.flinkName());
        // Timers on the heap even with RocksDB: a job has a few per open minute and bucket of rollup
        // keys, and RocksDB's timer queue pays a seek over tombstones for every fired timer.
        settings.put("state.backend.rocksdb.timer-service.factory", "HEAP");
        if (stateBackend == StateBackend.ROCKSDB) {
            // Most lookups miss (a new event id, a new rollup key of a minute): a Bloom filter per
            // SST file answers them without reading the file's blocks.
            settings.put("state.backend.rocksdb.use-bloom-filter", "true");
            // Index and filter blocks in small partitions: the block cache is split in shards of
            // a few MB, and the whole filter of a large SST file (3 MB for 64 MB of dedup keys)
            // never stays in one, so each lookup read and checksummed it again (seen at 6M keys).
            settings.put("state.backend.rocksdb.memory.partitioned-index-filters", "true");
            // RocksDB's block cache and write buffers, off the heap: the TaskManager's memory stays
            // at heap + this while the state grows on disk (in a MiniCluster; a cluster's
            // TaskManagers take it from their own configuration).
            settings.put("taskmanager.memory.managed.size", ROCKSDB_MANAGED_MEMORY);
        }
        settings.put("parallelism.default", Integer.toString(parallelism));
        // Chained steps pass records without copying them: no step keeps or changes a record it has
        // passed on, and our deserializers never reuse an instance.
        settings.put("pipeline.object-reuse", "true");
        // Every type has a Flink serializer of its own: fail at job start rather than fall back to Kryo.
        settings.put("pipeline.generic-types", "false");
        restoreFrom.ifPresent(path -> {
            settings.put("execution.state-recovery.path", path.toUri().toString());
            // A checkpoint of an older job holds state of operators this job no longer has
            // (EstimatesPipeline.RETIRED_UIDS): restore the rest rather than refuse to start.
            settings.put("execution.state-recovery.ignore-unclaimed-state", "true");
        });
        return Configuration.fromMap(settings);
    }
}
