package io.adclick.infra.stream;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.config.StreamConfig;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.process.ChildProcessComponent;
import io.adclick.infra.process.JavaCommand;
import io.adclick.infra.stack.Health;
import io.adclick.schemas.stream.StreamJobContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The stream estimates job ({@code stream-estimates}) in a child JVM running a local Flink
 * MiniCluster: {@code events.raw} to {@code rollups.minute} exactly once. It checkpoints under
 * {@code <state>/flink/checkpoints} and is always started with {@code --restore-from-latest}, so a
 * start after a crash resumes from the newest complete checkpoint. Healthy once a checkpoint newer
 * than its launch has completed (the whole pipeline, source to transactional sinks, took part).
 */
public final class StreamEstimates extends ChildProcessComponent {
    public static final String NAME = "stream";
    public static final String MAIN_CLASS = "io.adclick.stream.StreamEstimatesJob";
    /** The job's consumer group on {@code events.raw}: offsets committed with each checkpoint. */
    public static final String CONSUMER_GROUP = StreamJobContract.CONSUMER_GROUP;
    /** The job's transactional-id prefix: stable, so a restart aborts its predecessor's open transactions. */
    public static final String TRANSACTIONAL_ID_PREFIX = StreamJobContract.TRANSACTIONAL_ID_PREFIX;

    private final Clock clock;
    private volatile Instant launchedAt = Instant.EPOCH;

    public StreamEstimates(StackConfig config, Consumer<ChildExit> onUnexpectedExit) {
        super(NAME, "The stream estimates job", config, onUnexpectedExit);
        this.clock = Clock.systemUTC();
    }

    /** The job's Flink REST API on loopback. */
    public static java.net.URI restUrl(StackConfig config) {
        return java.net.URI.create("http://127.0.0.1:" + config.stream().restPort());
    }

    /** The newest complete checkpoint, if any. */
    public Optional<LatestCheckpoint> latestCheckpoint() {
        return LatestCheckpoint.in(config.flinkCheckpointDir());
    }

    @Override
    protected void prepare() {
        try {
            Files.createDirectories(config.flinkCheckpointDir());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot create the checkpoint directory " + config.flinkCheckpointDir(), e);
        }
        emptyWorkDir(config.flinkWorkDir());
        // whole seconds: file times can be coarser than the clock
        launchedAt = clock.instant().minusSeconds(1);
    }

    @Override
    protected boolean processesInBackground() {
        return true;
    }

    @Override
    protected List<String> command() {
        StreamConfig stream = config.stream();
        Path checkpoints = config.flinkCheckpointDir();
        return JavaCommand.of(MAIN_CLASS)
                .component(NAME)
                .maxHeap(stream.heap())
                .jvmOption("-Djava.awt.headless=true")
                .jvmOption("-Djava.io.tmpdir=" + config.flinkWorkDir())
                .classpath(config.home().streamEstimatesClasspath())
                .argument("--bootstrap-servers")
                .argument(config.kafkaBootstrap())
                .argument("--group-id")
                .argument(CONSUMER_GROUP)
                .argument("--transactional-id-prefix")
                .argument(TRANSACTIONAL_ID_PREFIX)
                .argument("--checkpoint-dir")
                .argument(checkpoints)
                .argument("--checkpoint-interval")
                .argument(stream.checkpointInterval().toMillis() + " ms")
                .argument("--state-backend")
                .argument(stream.stateBackend())
                .argument("--parallelism")
                .argument(stream.parallelism())
                .argument("--early-fire-interval")
                .argument(stream.earlyFireInterval().toMillis() + " ms")
                .argument("--rest-port")
                .argument(stream.restPort())
                .argument("--rest-bind-address")
                .argument("127.0.0.1")
                .argument("--restore-from-latest")
                .argument(checkpoints)
                .toCommand();
    }

    /**
     * Deletes what an earlier run left in the job's working directory (a killed job leaves its
     * RocksDB instances there, hundreds of MB each) and creates it.
     */
    static void emptyWorkDir(Path workDir) {
        try {
            if (Files.exists(workDir)) {
                try (Stream<Path> paths = Files.walk(workDir)) {
                    for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                        if (!path.equals(workDir)) {
                            Files.delete(path);
                        }
                    }
                }
            }
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot empty the stream job's working directory " + workDir + "; delete it by hand", e);
        }
    }

    @Override
    protected Health probe() {
        return probe(config.flinkCheckpointDir(), launchedAt, config.stream().stalledAfter(), clock.instant());
    }

    @Override
    protected String readiness() {
        return "complete a checkpoint under " + config.flinkCheckpointDir();
    }

    @Override
    protected int port() {
        return 0;
    }

    @Override
    protected String address() {
        return config.flinkCheckpointDir().toString();
    }

    /**
     * Healthy when a checkpoint has completed since {@code since} (the launch) and not longer than
     * {@code stalledAfter} ago.
     */
    public static Health probe(Path checkpointDir, Instant since, Duration stalledAfter, Instant now) {
        return LatestCheckpoint.in(checkpointDir)
                .filter(checkpoint -> !checkpoint.completedAt().isBefore(since))
                .map(checkpoint -> checkpoint.age(now).compareTo(stalledAfter) <= 0
                        ? Health.up("checkpoint " + checkpoint.describe(now))
                        : Health.down("stalled: last checkpoint " + checkpoint.describe(now)))
                .orElseGet(() -> Health.down("no checkpoint since start"));
    }
}
