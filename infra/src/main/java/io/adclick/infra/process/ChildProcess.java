package io.adclick.infra.process;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.stack.StartupException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * A child process of the launcher: its output appended to one log file, its pid known, stopped
 * with SIGTERM and then SIGKILL after a timeout, and an exit that nobody asked for reported to a
 * listener instead of being ignored.
 */
public final class ChildProcess {
    private static final int TAIL_BYTES = 16 * 1024;
    private static final Path SETSID = Path.of("/usr/bin/setsid");
    private static final Path SH = Path.of("/bin/sh");
    private static final Path NICE = Path.of("/usr/bin/nice");

    private final String name;
    private final Process process;
    private final Path log;
    private volatile boolean stopping;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts {@code command} at the launcher's CPU priority with stdout and stderr appended to {@code log}.
     *
     * @param environment variables added to the launcher's own environment
     * @param onUnexpectedExit called (on another thread) if the process ends before {@link #stop} or {@link #kill}
     */
    public static ChildProcess start(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workDir,
            Path log,
            Consumer<ChildExit> onUnexpectedExit) {
        return start(name, command, environment, workDir, log, 0, onUnexpectedExit);
    }

    /**
     * Starts {@code command} as {@link #start(String, List, Map, Path, Path, Consumer)} does, its CPU
     * priority lowered by {@code nice} (0-19): its threads' nice value and, where the kernel groups
     * each session for scheduling (autogroup), its session's, since there a thread's nice value
     * only orders it against threads of the same session.
     */
    public static ChildProcess start(
            String name,
            List<String> command,
            Map<String, String> environment,
            Path workDir,
            Path log,
            int nice,
            Consumer<ChildExit> onUnexpectedExit) {
        requireNonNull(name, "name is null");
        requireNonNull(onUnexpectedExit, "onUnexpectedExit is null");
        if (nice < 0 || nice > 19) {
            throw new IllegalArgumentException("Invalid nice value for %s: %d (must be 0-19)".formatted(name, nice));
        }
        ProcessBuilder builder = new ProcessBuilder(inOwnSession(atLowerPriority(command, nice)))
                .directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
        builder.environment().putAll(environment);
        Process process;
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(
                    log,
                    "=== %s starting %s at %s%n".formatted(name, String.join(" ", command), Instant.now()),
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    java.nio.file.StandardOpenOption.APPEND);
            process = builder.start();
        } catch (IOException e) {
            throw new StartupException("Cannot start %s (%s): %s".formatted(name, command.get(0), e.getMessage()), e);
        }
        ChildProcess child = new ChildProcess(name, process, log);
        process.onExit().thenAccept(p -> {
            if (!child.stopping) {
                onUnexpectedExit.accept(new ChildExit(name, p.pid(), p.exitValue(), log, child.lastLogLines(20)));
            }
        });
        return child;
    }

    public String name() {
        return name;
    }

    public long pid() {
        return process.pid();
    }

    /** When the operating system started the process. */
    public Instant startedAt() {
        return process.info().startInstant().orElse(Instant.EPOCH);
    }

    public Path log() {
        return log;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code, once the process has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /** Waits for the process to end by itself (a one-shot tool), killing it after {@code timeout}. */
    public int awaitExit(Duration timeout) {
        stopping = true;
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                throw new StartupException(
                        "%s did not finish within %d s: see %s".formatted(name, timeout.toSeconds(), log));
            }
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new StartupException("Interrupted while waiting for " + name, e);
        }
    }

    /** Sends SIGTERM, waits up to {@code timeout}, then SIGKILL. Returns whether it ended gracefully. */
    public boolean stop(Duration timeout) {
        stopping = true;
        if (!process.isAlive()) {
            return true;
        }
        process.destroy();
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                return true;
            }
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            return false;
        }
    }

    /** {@code kill -9}: ends the process at once, as a crash would. */
    public void kill() {
        stopping = true;
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last {@code count} lines of the log file (empty if it cannot be read). */
    public List<String> lastLogLines(int count) {
        return tail(log, count);
    }

    /** The last {@code count} lines of {@code file}, reading at most its last 16 KiB. */
    public static List<String> tail(Path file, int count) {
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long start = Math.max(0, in.length() - TAIL_BYTES);
            byte[] bytes = new byte[(int) (in.length() - start)];
            in.seek(start);
            in.readFully(bytes);
            List<String> lines = new ArrayList<>(Arrays.asList(new String(bytes, StandardCharsets.UTF_8).split("\\R")));
            return List.copyOf(lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Runs the command in its own session (setsid execs it, so the pid stays the same) so that a
     * Ctrl-C in the launcher's terminal does not reach the children: the launcher stops them itself,
     * in reverse start order.
     */
    private static List<String> inOwnSession(List<String> command) {
        if (!Files.isExecutable(SETSID)) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(command.size() + 1);
        wrapped.add(SETSID.toString());
        wrapped.addAll(command);
        return wrapped;
    }

    /**
     * {@code command} behind a shell that sets its own session's autogroup nice value and then execs
     * {@code nice}, which execs the command: the pid stays the command's. Only for a command that
     * gets its own session: otherwise the shell would lower the launcher's session.
     */
    private static List<String> atLowerPriority(List<String> command, int nice) {
        if (nice == 0 || !Files.isExecutable(NICE)) {
            return command;
        }
        List<String> niced = new ArrayList<>(List.of(NICE.toString(), "-n", Integer.toString(nice)));
        niced.addAll(command);
        if (!Files.isExecutable(SETSID) || !Files.isExecutable(SH)) {
            return niced;
        }
        List<String> wrapped = new ArrayList<>(List.of(
                SH.toString(),
                "-c",
                "{ echo %d >/proc/self/autogroup; } 2>/dev/null; exec \"$@\"".formatted(nice),
                "adclick-nice"));
        wrapped.addAll(niced);
        return wrapped;
    }

    private static java.io.File nullDevice() {
        return new java.io.File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
    }
}
