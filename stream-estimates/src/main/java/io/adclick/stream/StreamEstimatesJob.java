package io.adclick.stream;

import io.adclick.schemas.stream.StreamJobContract;
import io.adclick.schemas.wire.Topics;
import io.adclick.stream.config.EstimatesConfig;
import io.adclick.stream.config.JobSettings;
import io.adclick.stream.model.StreamEvent;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.TimeUtils;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;

/**
 * The stream estimates job: {@code events.raw} to {@code rollups.minute} and {@code events.late}.
 * Started with {@code java -cp ...} it runs in a local Flink MiniCluster; submitted with
 * {@code flink run} (the {@code -Pcluster} jar) it runs on that cluster. Options left out take the
 * defaults of {@link JobSettings} and {@link EstimatesConfig}.
 */
@Command(
        name = "stream-estimates",
        mixinStandardHelpOptions = true,
        description = "Minute rollup estimates from events.raw into rollups.minute, exactly once.")
public final class StreamEstimatesJob implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(StreamEstimatesJob.class);

    @Option(names = "--bootstrap-servers", description = "Kafka brokers (default 127.0.0.1:9092).")
    String bootstrapServers = JobSettings.DEFAULT_BOOTSTRAP_SERVERS;

    @Option(names = "--group-id", description = "Consumer group id (default adclick-stream-estimates).")
    String groupId = JobSettings.DEFAULT_GROUP_ID;

    @Option(names = "--checkpoint-dir", description = "Checkpoint directory (default .adclick/stream/checkpoints).")
    Path checkpointDir = JobSettings.DEFAULT_CHECKPOINT_DIR;

    @Option(
            names = "--checkpoint-interval",
            converter = DurationConverter.class,
            description = "Checkpoint and commit interval, e.g. '5 s' (default 5 s).")
    Duration checkpointInterval = JobSettings.DEFAULT_CHECKPOINT_INTERVAL;

    @Option(names = "--state-backend", description = "HASHMAP (default) or ROCKSDB (production).")
    JobSettings.StateBackend stateBackend = JobSettings.DEFAULT_STATE_BACKEND;

    @Option(names = "--parallelism", description = "Default operator parallelism (default 2).")
    int parallelism = JobSettings.DEFAULT_PARALLELISM;

    @Option(
            names = "--transactional-id-prefix",
            description =
                    "Kafka transactional-id prefix of the sinks; keep it stable (default adclick-stream-estimates).")
    String transactionalIdPrefix = JobSettings.DEFAULT_TRANSACTIONAL_ID_PREFIX;

    @Option(
            names = "--transaction-timeout",
            converter = DurationConverter.class,
            description = "Kafka transaction.timeout.ms of the sinks, at most the broker's maximum (default 10 min).")
    Duration transactionTimeout = JobSettings.DEFAULT_TRANSACTION_TIMEOUT;

    @Option(
            names = "--restore-from-latest",
            paramLabel = "DIR",
            description = "Restore from the newest complete checkpoint under DIR (usually the checkpoint "
                    + "directory), if there is one; start fresh otherwise.")
    Path restoreFromLatest;

    @Option(names = "--max-out-of-orderness", converter = DurationConverter.class, description = "Default 5 s.")
    Duration maxOutOfOrderness = EstimatesConfig.DEFAULT_MAX_OUT_OF_ORDERNESS;

    @Option(names = "--idleness", converter = DurationConverter.class, description = "Default 30 s.")
    Duration idleness = EstimatesConfig.DEFAULT_IDLENESS;

    @Option(names = "--allowed-lateness", converter = DurationConverter.class, description = "Default 10 min.")
    Duration allowedLateness = EstimatesConfig.DEFAULT_ALLOWED_LATENESS;

    @Option(names = "--dedup-ttl", converter = DurationConverter.class, description = "Default 25 h.")
    Duration dedupTtl = EstimatesConfig.DEFAULT_DEDUP_TTL;

    @Option(names = "--first-click-ttl", converter = DurationConverter.class, description = "Default 25 h.")
    Duration firstClickTtl = EstimatesConfig.DEFAULT_FIRST_CLICK_TTL;

    @Option(
            names = "--pre-aggregation-max-keys",
            description = "Rollup keys and minutes each subtask counts on its heap before it flushes (default 50000).")
    int preAggregationMaxKeys = EstimatesConfig.DEFAULT_PRE_AGGREGATION_MAX_KEYS;

    @Option(names = "--sketch-lg-nominal-entries", description = "Theta sketch size, log2 (default 12).")
    int sketchLgNominalEntries = EstimatesConfig.DEFAULT_SKETCH_LG_NOMINAL_ENTRIES;

    @Option(
            names = "--update-max-delay",
            converter = DurationConverter.class,
            description = "Longest wait of a minute's correction for the next watermark (default 2 s).")
    Duration updateMaxDelay = EstimatesConfig.DEFAULT_UPDATE_MAX_DELAY;

    @Option(
            names = "--early-fire-interval",
            converter = DurationConverter.class,
            description = "How often the changed rollups of open minutes are emitted as provisional revisions;"
                    + " 0 waits for the watermark (default 2 s).")
    Duration earlyFireInterval = EstimatesConfig.DEFAULT_EARLY_FIRE_INTERVAL;

    @Option(
            names = "--rest-port",
            description = "Serve Flink's REST API (job, checkpoint and metric figures) on this port of the local"
                    + " MiniCluster; left out, a random port. Ignored when submitted to a cluster.")
    Integer restPort;

    @Option(
            names = "--rest-bind-address",
            description = "The address the local MiniCluster's REST API binds to (default 127.0.0.1).")
    String restBindAddress = "127.0.0.1";

    public static void main(String[] args) {
        System.exit(new CommandLine(new StreamEstimatesJob()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        JobSettings settings = settings();
        Optional<Path> restoreFrom = Optional.ofNullable(restoreFromLatest).flatMap(LatestCheckpoint::in);
        restoreFrom.ifPresentOrElse(
                path -> LOG.info(
                        "Restoring from checkpoint {}. State of operators no longer in the job ({}) is dropped:"
                                + " a checkpoint of a job before the hashed id keys restores without its deduplication"
                                + " and first-click memory, one of the salted aggregation without the totals of its open"
                                + " minutes (see the stream-estimates README, upgrading)",
                        path,
                        String.join(", ", EstimatesPipeline.RETIRED_UIDS)),
                () -> LOG.info("Starting without a checkpoint"));
        Configuration configuration = settings.flinkConfiguration(restoreFrom);
        configuration.set(RestOptions.BIND_ADDRESS, restBindAddress);
        configuration.set(RestOptions.ADDRESS, restBindAddress);
        if (restPort != null) {
            configuration.set(RestOptions.BIND_PORT, restPort.toString());
            configuration.set(RestOptions.PORT, restPort);
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration);

        wire(env, settings, Clock.systemUTC());
        env.execute(StreamJobContract.JOB_NAME);
        return 0;
    }

    /** Wires the Kafka source, the pipeline and the Kafka sinks into {@code env}. */
    static void wire(StreamExecutionEnvironment env, JobSettings settings, Clock clock) {
        EstimatesPipeline pipeline = new EstimatesPipeline(settings.estimates(), clock);
        DataStream<StreamEvent> events = env.fromSource(
                        KafkaConnectors.rawEvents(settings), pipeline.watermarkStrategy(), Topics.EVENTS_RAW)
                .uid("events-raw-source");
        pipeline.build(events)
                .sinkTo(KafkaConnectors.minuteRollups(settings, clock), KafkaConnectors.lateEvents(settings, clock));
    }

    JobSettings settings() {
        return new JobSettings(
                bootstrapServers,
                groupId,
                checkpointDir,
                checkpointInterval,
                stateBackend,
                parallelism,
                transactionalIdPrefix,
                transactionTimeout,
                new EstimatesConfig(
                        maxOutOfOrderness,
                        idleness,
                        allowedLateness,
                        dedupTtl,
                        firstClickTtl,
                        preAggregationMaxKeys,
                        sketchLgNominalEntries,
                        updateMaxDelay,
                        earlyFireInterval));
    }

    /** Durations as Flink writes them: {@code 5 s}, {@code 10min}, {@code 25 h}, {@code 500ms}. */
    static final class DurationConverter implements ITypeConverter<Duration> {
        @Override
        public Duration convert(String value) {
            return TimeUtils.parseDuration(value);
        }
    }
}
