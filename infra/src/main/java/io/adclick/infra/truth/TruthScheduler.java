package io.adclick.infra.truth;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.config.TruthConfig;
import io.adclick.infra.process.ChildProcess;
import io.adclick.infra.process.LauncherThreads;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.ManagedComponent;
import io.adclick.infra.stack.StartupException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Schedules the billing truth jobs while the stack runs, one at a time, each a Spark child JVM with
 * its output in {@code <state>/logs/truth.log} and a timeout: every check interval the hourly job
 * for each closed hour that is due ({@code BatchTruthMain due}: never computed, or late events in
 * its partition since its last run); every daily interval the previous UTC day ({@code day}, which
 * recomputes its 24 hours and {@code billing_daily} for late data); every maintenance interval
 * {@code maintain}. Failures go to the console; the last run to {@code <state>/truth/last-run.json}
 * for {@code adclick status}.
 */
public final class TruthScheduler implements ManagedComponent {
    public static final String NAME = "truth";
    /** How the job's log starts a line about an unexplained reconciliation residual. */
    static final String RECONCILIATION_ALERT = "ALERT reconciliation";

    private static final String LAST_RUN_FILE = "last-run.json";

    private final StackConfig config;
    private final TruthJobRunner runner;
    private final Consumer<String> console;
    private final Clock clock;
    private ScheduledExecutorService executor;
    private volatile ChildProcess current;
    private volatile Instant nextDaily;
    private volatile Instant nextMaintain;
    private volatile Instant startedAt;

    /** @param console where failures and finished work are reported */
    public TruthScheduler(StackConfig config, Consumer<String> console, Clock clock) {
        this.config = requireNonNull(config, "config is null");
        this.console = requireNonNull(console, "console is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.runner = new TruthJobRunner(config);
    }

    /** {@code <state>/truth/last-run.json}. */
    public static Path lastRunFile(StackConfig config) {
        return config.truthDir().resolve(LAST_RUN_FILE);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public synchronized void start() {
        if (executor != null) {
            throw new IllegalStateException("The truth scheduler is already running");
        }
        runner.command(List.of());
        TruthConfig truth = config.truth();
        startedAt = clock.instant();
        nextDaily = startedAt.plus(truth.dailyInterval());
        nextMaintain = startedAt.plus(truth.maintainInterval());
        executor = LauncherThreads.scheduler("truth-scheduler");
        executor.scheduleWithFixedDelay(
                this::tick,
                truth.checkInterval().toMillis(),
                truth.checkInterval().toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** One round: due hours, then the daily recompute and maintenance when their time has come. */
    void tick() {
        TruthConfig truth = config.truth();
        run(List.of(
                "due",
                "--grace-seconds",
                Long.toString(truth.grace().toSeconds()),
                "--window-hours",
                Integer.toString(truth.windowHours()),
                "--reconcile"));
        Instant now = clock.instant();
        if (!now.isBefore(nextDaily)) {
            nextDaily = now.plus(truth.dailyInterval());
            LocalDate yesterday = LocalDate.ofInstant(now, ZoneOffset.UTC).minusDays(1);
            run(TruthJobRunner.day(yesterday.toString()));
        }
        if (!now.isBefore(nextMaintain)) {
            nextMaintain = now.plus(truth.maintainInterval());
            run(List.of("maintain"));
        }
    }

    private void run(List<String> arguments) {
        if (executor == null || executor.isShutdown()) {
            return;
        }
        Path log = config.logFile(NAME);
        long logSizeBefore = sizeOf(log);
        Instant started = clock.instant();
        int exitCode;
        try {
            current = runner.start(arguments, log);
            exitCode = current.awaitExit(config.truth().runTimeout());
        } catch (StartupException e) {
            exitCode = -1;
        } catch (RuntimeException e) {
            console.accept("truth: cannot run %s: %s".formatted(TruthRun.describe(arguments), e.getMessage()));
            return;
        } finally {
            current = null;
        }
        if (executor.isShutdown()) {
            return;
        }
        TruthRun run =
                new TruthRun(TruthRun.describe(arguments), started, clock.instant(), exitCode, summary(log, exitCode));
        run.write(lastRunFile(config));
        List<String> alerts = linesAfter(log, logSizeBefore).stream()
                .filter(line -> line.startsWith(RECONCILIATION_ALERT))
                .toList();
        alerts.forEach(line -> console.accept("truth: " + line));
        recordAlerts(alerts);
        if (!run.succeeded()) {
            console.accept("truth: %s (see %s)".formatted(run.line(), log));
        } else if (!run.summary().startsWith("No hour is due")) {
            console.accept("truth: " + run.line());
        }
    }

    /** Where the reconciliation alerts raised by scheduled runs are kept, one line each. */
    public static Path alertsFile(StackConfig config) {
        return config.truthDir().resolve("reconciliation-alerts.log");
    }

    private void recordAlerts(List<String> alerts) {
        if (alerts.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        try {
            Files.createDirectories(alertsFile(config).getParent());
            Files.write(
                    alertsFile(config),
                    alerts.stream().map(line -> now + " " + line).toList(),
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
        } catch (IOException e) {
            console.accept("truth: cannot record reconciliation alerts in %s: %s"
                    .formatted(alertsFile(config), e.getMessage()));
        }
    }

    private static long sizeOf(Path log) {
        try {
            return Files.exists(log) ? Files.size(log) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The lines written to {@code log} after its first {@code offset} bytes. */
    private static List<String> linesAfter(Path log, long offset) {
        try (var in = Files.newInputStream(log)) {
            in.skipNBytes(Math.min(offset, Files.size(log)));
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String summary(Path log, int exitCode) {
        List<String> lines = ChildProcess.tail(log, 40);
        for (int i = lines.size() - 1; i >= 0; i--) {
            String line = lines.get(i).strip();
            boolean wanted = exitCode == 0
                    ? line.startsWith("No hour is due") || line.startsWith("raw_events snapshot")
                    : line.startsWith("error:") || line.contains("Exception");
            if (wanted) {
                return line;
            }
        }
        return "";
    }

    @Override
    public Health health() {
        ScheduledExecutorService running = executor;
        if (running == null || running.isShutdown()) {
            return Health.down("not running");
        }
        ChildProcess job = current;
        return Health.up(job != null && job.isAlive() ? "running a job (pid %d)".formatted(job.pid()) : "idle");
    }

    @Override
    public synchronized void stop() {
        if (executor == null) {
            return;
        }
        executor.shutdownNow();
        ChildProcess job = current;
        if (job != null) {
            job.stop(config.stopTimeout());
        }
        LauncherThreads.stop(executor, config.stopTimeout());
    }

    @Override
    public Optional<ComponentRecord> record() {
        if (executor == null) {
            return Optional.empty();
        }
        return Optional.of(ComponentRecord.inLauncher(
                NAME,
                startedAt,
                config.archive().catalogUrl(),
                config.logFile(NAME).toString()));
    }
}
