package io.adclick.infra.cli;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.launcher.ComponentDescriptor;
import io.adclick.infra.launcher.LaunchContext;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.process.LogFiles;
import io.adclick.infra.process.PortCheck;
import io.adclick.infra.process.RecordedProcess;
import io.adclick.infra.stack.ManagedComponent;
import io.adclick.infra.stack.Stack;
import io.adclick.infra.stack.StackState;
import io.adclick.infra.stack.StackStateFile;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adclick up}: starts the embedded stack in the foreground; Ctrl-C stops it. */
@Command(
        name = "up",
        mixinStandardHelpOptions = true,
        description =
                "Start Kafka, the raw archive (object store, Iceberg catalog, Kafka Connect), the billing truth scheduler, the ingest edge, Pinot, the stream estimates job (Flink), Trino and the query router, and synthetic traffic; Ctrl-C stops everything.")
final class UpCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions;

    @Option(names = "--no-traffic", description = "Do not start the synthetic traffic generator.")
    boolean noTraffic;

    @Option(
            names = "--rate",
            paramLabel = "N",
            description = "Synthetic traffic in requests per second (default: $ADCLICK_TRAFFIC_RATE, else 20).")
    Integer rate;

    @Option(names = "--seed", paramLabel = "X", description = "Seed of the synthetic traffic (default: random).")
    Long seed;

    @Option(
            names = "--only",
            split = ",",
            paramLabel = "NAME",
            description = "Start only these components, in the usual order (for benchmarks that measure one part),"
                    + " e.g. --only kafka,edge. The names are those of ./adclick status.")
    List<String> only;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        StackConfig config =
                stackOptions.config(rate == null ? Map.of() : Map.of(StackConfig.TRAFFIC_RATE_ENV, rate.toString()));
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StackStateFile stateFile = new StackStateFile(config.stackFile());
        refuseIfRunning(stateFile);
        List<ComponentDescriptor> descriptors = only == null ? StackComponents.all() : StackComponents.only(only);
        PortCheck.requireFree(StackComponents.ports(config).stream()
                .flatMap(port -> Stream.of(port.port(), port.variable()))
                .toArray());

        PrintWriter launcherLog = LogFiles.appender(config.logFile("launcher"));
        Consumer<ChildExit> reportDeath = exit -> {
            err.println();
            err.print(exit.describe());
            err.flush();
            launcherLog.print(exit.describe());
        };
        Consumer<String> console = line -> {
            out.println(line);
            out.flush();
            launcherLog.printf("%s %s%n", java.time.Instant.now(), line);
        };
        AtomicReference<Stack> stackRef = new AtomicReference<>();
        Map<String, ManagedComponent> created = new LinkedHashMap<>();
        LaunchContext context = new LaunchContext(
                config,
                noTraffic ? OptionalLong.empty() : OptionalLong.of(seed != null ? seed : System.nanoTime()),
                reportDeath,
                console,
                () -> stackRef.get().recordRestart(),
                created,
                Clock.systemUTC());
        for (ComponentDescriptor descriptor : descriptors) {
            if (descriptor.enabled(context)) {
                created.put(descriptor.name(), descriptor.create(context));
            }
        }
        Stack stack = new Stack(
                List.copyOf(created.values()),
                stateFile,
                StackState.forCurrentLauncher(config.stateDir(), config.logFile("launcher")),
                console);
        stackRef.set(stack);

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stack.stop();
                            console.accept("Stopped.");
                            stopped.countDown();
                        },
                        "adclick-shutdown"));

        out.printf("State directory: %s (logs in %s)%n", config.stateDir(), config.logsDir());
        stack.start();
        if (only == null) {
            printUrls(out, context);
        } else {
            out.printf("%nadclick is up with only %s. Press Ctrl-C to stop everything.%n", String.join(", ", only));
            out.flush();
        }
        stopped.await();
        return 0;
    }

    private static void refuseIfRunning(StackStateFile stateFile) {
        stateFile.read().ifPresent(state -> {
            RecordedProcess launcher = new RecordedProcess(state.launcher());
            if (launcher.isRunning()) {
                throw new IllegalStateException(
                        "A stack is already running from %s (launcher pid %d): use it, or ./adclick down first"
                                .formatted(state.stateDir(), state.launcher().pid()));
            }
            boolean leftovers =
                    state.components().stream().map(RecordedProcess::new).anyMatch(RecordedProcess::isRunning);
            if (leftovers) {
                throw new IllegalStateException(
                        "Components of an earlier stack still run (see %s): ./adclick down first"
                                .formatted(stateFile.path()));
            }
        });
    }

    private static void printUrls(PrintWriter out, LaunchContext context) {
        out.println();
        out.println("adclick is up. Press Ctrl-C to stop everything.");
        for (ComponentDescriptor descriptor : StackComponents.all()) {
            descriptor.urls(context).forEach(line -> out.printf("  %-16s %s%n", line.label(), line.text()));
        }
        out.printf("  %-16s %s%n", "logs", context.config().logsDir());
        out.println("  status / stop    ./adclick status   ./adclick down");
        out.flush();
    }
}
