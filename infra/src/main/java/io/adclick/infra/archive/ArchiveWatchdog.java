package io.adclick.infra.archive;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.kafka.KafkaFigures;
import io.adclick.infra.process.LauncherThreads;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.ManagedComponent;
import io.adclick.schemas.wire.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

/**
 * Watches that the archive keeps committing and restarts the Kafka Connect worker when it does
 * not (see {@link ArchiveStallDetector}): Connect reports a stuck Iceberg sink as {@code RUNNING},
 * and nothing but a new worker process clears a commit coordinator left with a closed catalog.
 * Restarting is safe: the sink resumes from the offsets of its last table commit, exactly once.
 */
public final class ArchiveWatchdog implements ManagedComponent {
    public static final String NAME = "archive-watchdog";
    private static final Duration POLL = Duration.ofSeconds(5);
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(5);

    private final StackConfig config;
    private final KafkaConnectWorker worker;
    private final Consumer<String> console;
    private final Runnable afterRestart;
    private final Clock clock;
    private final ArchiveStallDetector detector;
    private final AtomicInteger restarts = new AtomicInteger();
    private ScheduledExecutorService executor;
    private Admin admin;
    private Instant startedAt;

    /**
     * @param worker the Connect worker to restart
     * @param console where a restart is reported
     * @param afterRestart called after each restart (e.g. to record the worker's new pid)
     */
    public ArchiveWatchdog(
            StackConfig config,
            KafkaConnectWorker worker,
            Consumer<String> console,
            Runnable afterRestart,
            Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.worker = requireNonNull(worker, "worker is null");
        this.console = requireNonNull(console, "console is null");
        this.afterRestart = requireNonNull(afterRestart, "afterRestart is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.detector = new ArchiveStallDetector(config.archive().stallTimeout());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("The archive watchdog is already running");
        }
        startedAt = clock.instant();
        admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) REQUEST_TIMEOUT.toMillis()));
        executor = LauncherThreads.scheduler(NAME);
        executor.scheduleWithFixedDelay(this::check, POLL.toMillis(), POLL.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** How many times it restarted the worker. */
    public int restarts() {
        return restarts.get();
    }

    private void check() {
        Optional<ArchiveStallDetector.Stall> stall;
        try {
            long endOffset = KafkaFigures.endOffsets(admin, List.of(Topics.EVENTS_RAW), REQUEST_TIMEOUT)
                    .get(Topics.EVENTS_RAW);
            OptionalLong snapshot = ArchiveFigures.rawEvents(
                            java.net.URI.create(config.archive().catalogUrl()), REQUEST_TIMEOUT)
                    .currentSnapshotId();
            stall = detector.observe(clock.instant(), endOffset, snapshot);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        } catch (Exception e) {
            // The broker or the catalog does not answer now: their own health shows it; look again later.
            return;
        }
        if (stall.isEmpty() || !worker.isRunning()) {
            return;
        }
        console.accept("archive: %s; restarting Kafka Connect (Iceberg sink commit coordinator stuck, see %s)"
                .formatted(stall.get().describe(), worker.log()));
        try {
            worker.restart();
            restarts.incrementAndGet();
            afterRestart.run();
            console.accept("archive: Kafka Connect restarted; the sink resumes from its last table commit");
        } catch (RuntimeException e) {
            console.accept("archive: could not restart Kafka Connect: " + e.getMessage());
        }
        detector.restartedAt(clock.instant());
    }

    @Override
    public Health health() {
        ScheduledExecutorService running = executor;
        if (running == null || running.isShutdown()) {
            return Health.down("not running");
        }
        int count = restarts.get();
        return Health.up(count == 0 ? "archive committing" : "restarted Kafka Connect %d times".formatted(count));
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        LauncherThreads.stop(executor, config.stopTimeout());
        admin.close(REQUEST_TIMEOUT);
        executor = null;
    }

    @Override
    public Optional<ComponentRecord> record() {
        if (executor == null) {
            return Optional.empty();
        }
        return Optional.of(ComponentRecord.inLauncher(
                NAME,
                startedAt,
                config.archive().connectUrl(),
                config.logFile("launcher").toString()));
    }
}
