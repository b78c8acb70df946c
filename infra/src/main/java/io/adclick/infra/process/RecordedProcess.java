package io.adclick.infra.process;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.stack.ComponentRecord;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A process named in {@code stack.json}, looked up by pid and checked to still be the same process
 * (same start time, same command) before anything is done to it.
 */
public final class RecordedProcess {
    private static final Duration START_TIME_TOLERANCE = Duration.ofSeconds(1);

    private final ComponentRecord record;

    public RecordedProcess(ComponentRecord record) {
        this.record = requireNonNull(record, "record is null");
    }

    public ComponentRecord record() {
        return record;
    }

    /** The live process, if the pid still belongs to the recorded command. */
    public Optional<ProcessHandle> handle() {
        return ProcessHandle.of(record.pid()).filter(ProcessHandle::isAlive).filter(this::isSameProcess);
    }

    public boolean isRunning() {
        return handle().isPresent();
    }

    /**
     * SIGTERM, then SIGKILL after {@code timeout}.
     *
     * @return a sentence saying what happened
     */
    public String terminate(Duration timeout) {
        Optional<ProcessHandle> handle = handle();
        if (handle.isEmpty()) {
            return "%s (pid %d) is not running".formatted(record.name(), record.pid());
        }
        ProcessHandle process = handle.get();
        process.destroy();
        if (awaitExit(process, timeout)) {
            return "%s (pid %d) stopped".formatted(record.name(), record.pid());
        }
        process.destroyForcibly();
        awaitExit(process, Duration.ofSeconds(10));
        return "%s (pid %d) did not stop within %d s and was killed"
                .formatted(record.name(), record.pid(), timeout.toSeconds());
    }

    private boolean isSameProcess(ProcessHandle process) {
        ProcessHandle.Info info = process.info();
        boolean sameStart = info.startInstant()
                .map(start -> Duration.between(record.startedAt(), start).abs().compareTo(START_TIME_TOLERANCE) <= 0)
                .orElse(true);
        boolean sameCommand = info.commandLine()
                .or(() -> info.command())
                .map(command -> command.contains(record.commandMarker()))
                .orElse(false);
        return sameStart && sameCommand;
    }

    private static boolean awaitExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    @Override
    public String toString() {
        return record.name() + " (pid " + record.pid() + ")";
    }
}
