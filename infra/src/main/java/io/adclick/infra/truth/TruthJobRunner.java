package io.adclick.infra.truth;

import static java.util.Objects.requireNonNull;

import io.adclick.infra.config.ArchiveConfig;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.process.ChildProcess;
import io.adclick.infra.process.JavaCommand;
import io.adclick.infra.stack.StartupException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one billing truth job ({@code batch-truth}'s {@code BatchTruthMain}: {@code hour}, {@code
 * day}, {@code due}, {@code backfill}, {@code maintain}) in a Spark local-mode child JVM, pointed at
 * the stack's REST catalog and object store through the jobs' environment variables (so the keys
 * never appear on a command line).
 */
public final class TruthJobRunner {
    /** The jobs' entry point. */
    public static final String MAIN_CLASS = "io.adclick.batch.BatchTruthMain";
    /** The name the child JVM is marked with. */
    public static final String COMPONENT = "truth-job";

    /** Spark's own {@code --add-opens} list (spark-launcher's {@code JavaModuleOptions}). */
    static final List<String> SPARK_JAVA_OPTIONS = List.of(
            "-XX:+IgnoreUnrecognizedVMOptions",
            "--add-opens=java.base/java.lang=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.invoke=ALL-UNNAMED",
            "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED",
            "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED",
            "--add-opens=java.base/jdk.internal.ref=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.cs=ALL-UNNAMED",
            "--add-opens=java.base/sun.security.action=ALL-UNNAMED",
            "--add-opens=java.base/sun.util.calendar=ALL-UNNAMED",
            "-Djdk.reflect.useDirectMethodHandle=false",
            "-Dio.netty.tryReflectionSetAccessible=true");

    private final StackConfig config;

    public TruthJobRunner(StackConfig config) {
        this.config = requireNonNull(config, "config is null");
    }

    /** The child JVM's command line for {@code jobArguments}, e.g. {@code hour --hour 2026-11-23T10}. */
    public List<String> command(List<String> jobArguments) {
        requireNonNull(jobArguments, "jobArguments is null");
        JavaCommand command = JavaCommand.of(MAIN_CLASS)
                .component(COMPONENT)
                .maxHeap(config.truth().sparkHeap())
                .jvmOption("-XX:+UseParallelGC")
                .jvmOption("-Djava.awt.headless=true");
        SPARK_JAVA_OPTIONS.forEach(command::jvmOption);
        command.classpath(config.home().batchTruthClasspath());
        jobArguments.forEach(command::argument);
        return command.toCommand();
    }

    /** The jobs' settings that point them at this stack (see {@code BatchTruthMain settings}). */
    public Map<String, String> environment() {
        ArchiveConfig archive = config.archive();
        Map<String, String> env = new LinkedHashMap<>();
        env.put("ADCLICK_CATALOG_TYPE", "rest");
        env.put("ADCLICK_CATALOG_URI", archive.catalogUrl());
        env.put("ADCLICK_CATALOG_WAREHOUSE", archive.warehouse());
        env.put("ADCLICK_S3_ENDPOINT", archive.objectStoreUrl());
        env.put("ADCLICK_S3_ACCESS_KEY", archive.s3AccessKey());
        env.put("ADCLICK_S3_SECRET_KEY", archive.s3SecretKey());
        env.put("ADCLICK_S3_REGION", ArchiveConfig.S3_REGION);
        env.put("ADCLICK_S3_PATH_STYLE", "true");
        env.put("SPARK_LOCAL_IP", StackConfig.LOOPBACK);
        return env;
    }

    /**
     * Runs the job with its output on this terminal and returns its exit code. If this JVM is
     * stopped (Ctrl-C), the job is stopped too; the terminal's interrupt reaches it as well.
     */
    public int runAttached(List<String> jobArguments) {
        ProcessBuilder builder = new ProcessBuilder(command(jobArguments))
                .directory(config.home().root().toFile())
                .inheritIO();
        builder.environment().putAll(environment());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new StartupException("Cannot start the truth job: " + e.getMessage(), e);
        }
        Thread stopChild = new Thread(() -> stop(process), "truth-job-stop");
        Runtime.getRuntime().addShutdownHook(stopChild);
        try {
            return process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            return 130;
        } finally {
            try {
                Runtime.getRuntime().removeShutdownHook(stopChild);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or ran: it stops the child
            }
        }
    }

    /**
     * Runs the job with its output appended to {@code log} and returns its exit code; kills it
     * after {@code timeout}.
     *
     * @throws StartupException when it does not finish in time
     */
    public int runLogged(List<String> jobArguments, Path log, Duration timeout) {
        return start(jobArguments, log).awaitExit(timeout);
    }

    /** Starts the job with its output appended to {@code log} (the caller waits for or stops it). */
    public ChildProcess start(List<String> jobArguments, Path log) {
        requireNonNull(log, "log is null");
        return ChildProcess.start(
                COMPONENT,
                command(jobArguments),
                environment(),
                config.home().root(),
                log,
                config.backgroundNice(),
                exit -> {});
    }

    private void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(config.stopTimeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    /** The arguments of {@code hour --hour H}. */
    public static List<String> hour(String hour) {
        return List.of("hour", "--hour", requireNonNull(hour, "hour is null"));
    }

    /** The arguments of {@code day --day D}. */
    public static List<String> day(String day) {
        return List.of("day", "--day", requireNonNull(day, "day is null"));
    }

    /** The arguments of {@code backfill}; {@code snapshot} may be null (the current one). */
    public static List<String> backfill(String from, String to, boolean force, Long snapshot) {
        List<String> args = new ArrayList<>(List.of("backfill", "--from", from, "--to", to));
        if (force) {
            args.add("--force");
        }
        if (snapshot != null) {
            args.add("--snapshot");
            args.add(snapshot.toString());
        }
        return List.copyOf(args);
    }
}
