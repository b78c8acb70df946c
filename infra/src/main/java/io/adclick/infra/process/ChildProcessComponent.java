package io.adclick.infra.process;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.ManagedComponent;
import io.adclick.infra.stack.StartupException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A {@link ManagedComponent} that runs as one child process of the launcher: started, awaited
 * until its health check passes, stopped (SIGTERM, then SIGKILL), killed for fault tests, and
 * recorded in {@code stack.json}. A subclass says how to prepare, launch and probe its engine.
 */
public abstract class ChildProcessComponent implements ManagedComponent {
    private static final Duration POLL = Duration.ofMillis(250);

    private final String name;
    private final String displayName;
    private final Consumer<ChildExit> onUnexpectedExit;
    protected final StackConfig config;
    private volatile ChildProcess process;

    /**
     * @param name the component's stable name (log file, {@code stack.json})
     * @param displayName how messages name it, e.g. {@code "Kafka"}
     * @param onUnexpectedExit told when the process dies on its own
     */
    protected ChildProcessComponent(
            String name, String displayName, StackConfig config, Consumer<ChildExit> onUnexpectedExit) {
        this.name = requireNonNull(name, "name is null");
        this.displayName = requireNonNull(displayName, "displayName is null");
        this.config = requireNonNull(config, "config is null");
        this.onUnexpectedExit = requireNonNull(onUnexpectedExit, "onUnexpectedExit is null");
    }

    /** Writes configuration and prepares directories before the process starts. */
    protected void prepare() {}

    /** The command line of the process. */
    protected abstract List<String> command();

    /** The working directory of the process. */
    protected Path workingDirectory() {
        return config.stateDir();
    }

    /** Checks the running process's service now. */
    protected abstract Health probe();

    /** What readiness means, for the timeout message, e.g. {@code "answer on 127.0.0.1:9092"}. */
    protected abstract String readiness();

    /** Work that needs the healthy process, such as creating topics or tables. */
    protected void afterStart() {}

    /**
     * Whether the process consumes and processes the pipeline's data (and may lag behind under a
     * burst) rather than serving the ingest or query path: such a process runs at a CPU priority
     * lowered by {@link StackConfig#backgroundNice()}, so that on a shared machine it gives way to
     * the edge and Kafka instead of slowing down what the edge acknowledges.
     */
    protected boolean processesInBackground() {
        return false;
    }

    /** How long the process may take to become healthy. */
    protected Duration startTimeout() {
        return config.startTimeout();
    }

    /** The port {@code status} shows. */
    protected abstract int port();

    /** The address {@code status} and the console show. */
    protected abstract String address();

    @Override
    public final String name() {
        return name;
    }

    /** The component's log file. */
    public Path log() {
        return config.logFile(name);
    }

    @Override
    public final synchronized void start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException("%s is already running as pid %d".formatted(displayName, process.pid()));
        }
        prepare();
        process = ChildProcess.start(
                name,
                command(),
                Map.of(),
                workingDirectory(),
                log(),
                processesInBackground() ? config.backgroundNice() : 0,
                onUnexpectedExit);
        awaitHealthy();
        afterStart();
    }

    /** Whether its process runs now (healthy or not). */
    public final boolean isRunning() {
        ChildProcess child = process;
        return child != null && child.isAlive();
    }

    @Override
    public final Health health() {
        ChildProcess child = process;
        if (child == null || !child.isAlive()) {
            return Health.down("not running");
        }
        return probe();
    }

    @Override
    public synchronized void stop() {
        if (process != null) {
            process.stop(config.stopTimeout());
        }
    }

    /** Ends the process with SIGKILL, as a crash would (for fault tests). */
    public synchronized void kill() {
        if (process != null) {
            process.kill();
        }
    }

    /** Stops the process gracefully and starts it again, atomically with respect to other restarts. */
    public synchronized void restart() {
        stop();
        start();
    }

    /** Kills the process with SIGKILL, as a crash would, and starts it again (for fault tests). */
    public synchronized void killAndRestart() {
        kill();
        start();
    }

    @Override
    public Optional<ComponentRecord> record() {
        ChildProcess child = process;
        if (child == null) {
            return Optional.empty();
        }
        return Optional.of(new ComponentRecord(
                name, child.pid(), child.startedAt(), JavaCommand.marker(name), port(), address(), log().toString()));
    }

    private void awaitHealthy() {
        Duration timeout = startTimeout();
        boolean healthy = Waits.until(timeout, POLL, () -> {
            if (!process.isAlive()) {
                throw new StartupException("%s exited with code %d during startup: see %s, which ends:%n%s"
                        .formatted(
                                displayName,
                                process.exitCode(),
                                log(),
                                String.join(System.lineSeparator(), ChildProcess.tail(log(), 15))));
            }
            return probe().healthy();
        });
        if (!healthy) {
            process.stop(config.stopTimeout());
            throw new StartupException("%s did not %s within %d s: see %s"
                    .formatted(displayName, readiness(), timeout.toSeconds(), log()));
        }
    }
}
