package io.adclick.infra.cli;

import io.adclick.infra.archive.ArchiveWatchdog;
import io.adclick.infra.archive.IcebergCatalog;
import io.adclick.infra.archive.KafkaConnectWorker;
import io.adclick.infra.archive.ObjectStore;
import io.adclick.infra.config.ArchiveConfig;
import io.adclick.infra.config.PinotConfig;
import io.adclick.infra.config.QueryConfig;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.edge.IngestEdge;
import io.adclick.infra.kafka.KafkaBroker;
import io.adclick.infra.launcher.StackTopics;
import io.adclick.infra.monitor.MonitorTargets;
import io.adclick.infra.monitor.PipelineMonitor;
import io.adclick.infra.pinot.Pinot;
import io.adclick.infra.pinot.RollupsTable;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.process.LogFiles;
import io.adclick.infra.process.PortCheck;
import io.adclick.infra.process.RecordedProcess;
import io.adclick.infra.query.QueryRouter;
import io.adclick.infra.query.Trino;
import io.adclick.infra.stack.ManagedComponent;
import io.adclick.infra.stack.Stack;
import io.adclick.infra.stack.StackState;
import io.adclick.infra.stack.StackStateFile;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.infra.traffic.TrafficGenerator;
import io.adclick.infra.traffic.TrafficMix;
import io.adclick.infra.truth.TruthScheduler;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
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
        StackConfig config = stackOptions.config();
        if (rate != null) {
            config = config.withTrafficRate(rate);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        StackStateFile stateFile = new StackStateFile(config.stackFile());
        refuseIfRunning(stateFile);
        PortCheck.requireFree(
                config.kafkaPort(), StackConfig.KAFKA_PORT_ENV,
                config.kafkaControllerPort(), StackConfig.KAFKA_CONTROLLER_PORT_ENV,
                config.edgePort(), StackConfig.EDGE_PORT_ENV,
                config.archive().objectStorePort(), ArchiveConfig.OBJECT_STORE_PORT_ENV,
                config.archive().catalogPort(), ArchiveConfig.CATALOG_PORT_ENV,
                config.archive().connectPort(), ArchiveConfig.CONNECT_PORT_ENV,
                config.pinot().zookeeperPort(), PinotConfig.ZOOKEEPER_PORT_ENV,
                config.pinot().controllerPort(), PinotConfig.CONTROLLER_PORT_ENV,
                config.pinot().brokerPort(), PinotConfig.BROKER_PORT_ENV,
                config.pinot().serverPort(), PinotConfig.SERVER_PORT_ENV,
                config.pinot().serverAdminPort(), PinotConfig.SERVER_ADMIN_PORT_ENV,
                config.query().trinoPort(), QueryConfig.TRINO_PORT_ENV,
                config.query().routerPort(), QueryConfig.ROUTER_PORT_ENV);

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
        List<ManagedComponent> components = new ArrayList<>();
        components.add(new KafkaBroker(config, StackTopics.all(), reportDeath));
        components.add(new ObjectStore(config, reportDeath));
        components.add(new IcebergCatalog(config, reportDeath));
        KafkaConnectWorker connect = new KafkaConnectWorker(config, reportDeath);
        components.add(connect);
        AtomicReference<Stack> stackRef = new AtomicReference<>();
        components.add(new ArchiveWatchdog(
                config, connect, console, () -> stackRef.get().recordRestart(), Clock.systemUTC()));
        if (config.truth().schedulerEnabled()) {
            components.add(new TruthScheduler(config, console, Clock.systemUTC()));
        }
        components.add(new IngestEdge(config, reportDeath));
        // before the job, so that its rollups land in a table that exists (Pinot would read them later anyway)
        components.add(new Pinot(config, reportDeath));
        // after the edge: ingest must not wait for Flink's start, and the job misses nothing (committed offsets)
        components.add(new StreamEstimates(config, reportDeath));
        components.add(new PipelineMonitor(
                MonitorTargets.of(config), console, config.logFile("launcher").toString(), Clock.systemUTC()));
        // the read side last: Trino's ~30 s start must not delay ingest
        components.add(new Trino(config, reportDeath));
        components.add(new QueryRouter(config, reportDeath));
        if (!noTraffic) {
            long trafficSeed = seed != null ? seed : System.nanoTime();
            components.add(new TrafficGenerator(
                    config, TrafficMix.DEFAULT, trafficSeed, line -> console.accept("traffic: " + line)));
        }
        Stack stack = new Stack(
                only == null ? components : selected(components, only),
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
            printUrls(out, config);
        } else {
            out.printf("%nadclick is up with only %s. Press Ctrl-C to stop everything.%n", String.join(", ", only));
            out.flush();
        }
        stopped.await();
        return 0;
    }

    private static List<ManagedComponent> selected(List<ManagedComponent> components, List<String> names) {
        List<String> known = components.stream().map(ManagedComponent::name).toList();
        List<String> unknown =
                names.stream().filter(name -> !known.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("Unknown component(s) in --only: %s (must be among %s)"
                    .formatted(String.join(",", unknown), String.join(",", known)));
        }
        return components.stream()
                .filter(component -> names.contains(component.name()))
                .toList();
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

    private static String describe(java.time.Duration grace) {
        return grace.toSeconds() % 60 == 0 ? grace.toMinutes() + " min" : grace.toSeconds() + " s";
    }

    private void printUrls(PrintWriter out, StackConfig config) {
        out.println();
        out.println("adclick is up. Press Ctrl-C to stop everything.");
        out.printf("  edge             %s%n", config.edgeUrl());
        out.printf("  edge health      %s/health%n", config.edgeUrl());
        out.printf("  edge metrics     %s/metrics%n", config.edgeUrl());
        out.printf("  Kafka bootstrap  %s%n", config.kafkaBootstrap());
        out.printf("  object store     %s (bucket %s)%n", config.archive().objectStoreUrl(), ArchiveConfig.BUCKET);
        out.printf(
                "  Iceberg catalog  %s (REST; table adclick.raw_events)%n",
                config.archive().catalogUrl());
        out.printf(
                "  Kafka Connect    %s/connectors/raw-events-archive/status%n",
                config.archive().connectUrl());
        out.printf(
                "  truth jobs       %s%n",
                config.truth().schedulerEnabled()
                        ? "hourly %s after each hour (checked every %d s), day recompute every %d min, maintenance every %d min; log %s"
                                .formatted(
                                        describe(config.truth().grace()),
                                        config.truth().checkInterval().toSeconds(),
                                        config.truth().dailyInterval().toMinutes(),
                                        config.truth().maintainInterval().toMinutes(),
                                        config.logFile(TruthScheduler.NAME))
                        : "off (" + io.adclick.infra.config.TruthConfig.SCHEDULER_ENABLED_ENV + "=off)");
        out.printf(
                "  Pinot            broker %s (table %s), controller %s; log %s%n",
                config.pinot().brokerUrl(),
                RollupsTable.NAME,
                config.pinot().controllerUrl(),
                config.logFile(Pinot.NAME));
        out.printf(
                "  stream job       Flink, %s state, checkpoints in %s, REST %s; log %s%n",
                config.stream().stateBackend().name().toLowerCase(java.util.Locale.ROOT),
                config.flinkCheckpointDir(),
                StreamEstimates.restUrl(config),
                config.logFile(StreamEstimates.NAME));
        out.printf(
                "  pipeline metrics %s/metrics (consumer lag, checkpoints, dedup and late counts, archive freshness)%n",
                config.monitorUrl());
        out.printf(
                "  query router     %s (API: %s/swagger-ui/, key e.g. dev-finance)%n",
                config.query().routerUrl(), config.query().routerUrl());
        out.printf(
                "  Trino            %s (catalog iceberg, schema adclick; log %s)%n",
                config.query().trinoUrl(), config.logFile(Trino.NAME));
        out.printf("  traffic          %s%n", noTraffic ? "off (--no-traffic)" : config.trafficRate() + " requests/s");
        out.printf("  logs             %s%n", config.logsDir());
        out.println("  status / stop    ./adclick status   ./adclick down");
        out.flush();
    }
}
