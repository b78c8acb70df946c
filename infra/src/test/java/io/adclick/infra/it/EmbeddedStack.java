package io.adclick.infra.it;

import io.adclick.infra.archive.ArchiveWatchdog;
import io.adclick.infra.archive.IcebergCatalog;
import io.adclick.infra.archive.KafkaConnectWorker;
import io.adclick.infra.archive.ObjectStore;
import io.adclick.infra.cli.StackComponents;
import io.adclick.infra.cli.StackTopics;
import io.adclick.infra.config.AdclickHome;
import io.adclick.infra.config.MonitorConfig;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.edge.IngestEdge;
import io.adclick.infra.kafka.KafkaBroker;
import io.adclick.infra.launcher.ComponentPort;
import io.adclick.infra.monitor.MonitorTargets;
import io.adclick.infra.monitor.PipelineMonitor;
import io.adclick.infra.pinot.Pinot;
import io.adclick.infra.process.ChildExit;
import io.adclick.infra.process.ChildProcess;
import io.adclick.infra.process.PortCheck;
import io.adclick.infra.query.QueryRouter;
import io.adclick.infra.query.Trino;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.infra.traffic.EdgeClient;
import io.adclick.infra.traffic.EdgeRequest;
import io.adclick.infra.traffic.EdgeResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * A real Kafka broker, the raw archive (object store, Iceberg REST catalog, Kafka Connect with
 * the Iceberg sink), a real ingest edge and, on demand, the stream estimates job, started from the built artifacts under
 * {@code -Dadclick.home}, in a temporary state directory on free loopback ports.
 */
public final class EmbeddedStack implements AutoCloseable {
    private final StackConfig config;
    private final KafkaBroker broker;
    private final ObjectStore objectStore;
    private final IcebergCatalog catalog;
    private final KafkaConnectWorker connect;
    private final IngestEdge edge;
    private final StreamEstimates stream;
    private final ArchiveWatchdog archiveWatchdog;
    private final PipelineMonitor monitor;
    private final Pinot pinot;
    private final Trino trino;
    private final QueryRouter router;
    private final EdgeClient client;
    private final List<ChildExit> unexpectedExits = new CopyOnWriteArrayList<>();

    private EmbeddedStack(StackConfig config) {
        this.config = config;
        this.broker = new KafkaBroker(config, StackTopics.all(), this::reportExit);
        this.objectStore = new ObjectStore(config, this::reportExit);
        this.catalog = new IcebergCatalog(config, this::reportExit);
        this.connect = new KafkaConnectWorker(config, this::reportExit);
        this.edge = new IngestEdge(config, this::reportExit);
        this.stream = new StreamEstimates(config, this::reportExit);
        this.archiveWatchdog = new ArchiveWatchdog(
                config, connect, line -> System.out.println("EmbeddedStack: " + line), () -> {}, Clock.systemUTC());
        this.monitor = new PipelineMonitor(
                MonitorTargets.of(config),
                line -> System.out.println("EmbeddedStack: " + line),
                config.logFile("launcher").toString(),
                Clock.systemUTC());
        this.pinot = new Pinot(config, this::reportExit);
        this.trino = new Trino(config, this::reportExit);
        this.router = new QueryRouter(config, this::reportExit);
        this.client = new EdgeClient(edge.baseUrl());
    }

    /** Starts the broker, creates the topics and starts the edge. */
    public static EmbeddedStack start() {
        Path stateDir;
        try {
            stateDir = Files.createTempDirectory("adclick-it-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        AdclickHome home = AdclickHome.locate();
        List<ComponentPort> stackPorts = StackComponents.ports(StackConfig.defaults(home));
        PrimitiveIterator.OfInt ports = PortCheck.freePorts(stackPorts.size());
        java.util.Map<String, String> settings = new java.util.HashMap<>();
        stackPorts.forEach(port -> settings.put(port.variable(), Integer.toString(ports.nextInt())));
        settings.put(StackConfig.STATE_DIR_ENV, stateDir.toString());
        settings.put(MonitorConfig.INTERVAL_ENV, "1");
        StackConfig config = StackConfig.fromEnvironment(home, settings);
        EmbeddedStack stack = new EmbeddedStack(config);
        long startNanos = System.nanoTime();
        try {
            stack.broker.start();
            stack.objectStore.start();
            stack.catalog.start();
            stack.connect.start();
            stack.archiveWatchdog.start();
            stack.monitor.start();
            stack.edge.start();
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
        System.out.printf(
                "Embedded stack up in %.1f s: Kafka %s, object store %s, catalog %s, Connect %s, edge %s, state %s%n",
                (System.nanoTime() - startNanos) / 1e9,
                config.kafkaBootstrap(),
                config.archive().objectStoreUrl(),
                config.archive().catalogUrl(),
                config.archive().connectUrl(),
                config.edgeUrl(),
                stateDir);
        return stack;
    }

    public StackConfig config() {
        return config;
    }

    public KafkaBroker broker() {
        return broker;
    }

    public KafkaConnectWorker connect() {
        return connect;
    }

    /**
     * Waits until the archive connector and its tasks run, restarting the worker first when they do
     * not (another test's broker crash can fail the sink's tasks; they resume from their last commit).
     */
    public void awaitArchiveRunning() {
        if (!KafkaConnectWorker.connectorStatus(connect.baseUrl()).running()) {
            restartArchiveWorker();
        }
        org.awaitility.Awaitility.await("archive connector running")
                .atMost(java.time.Duration.ofSeconds(90))
                .pollInterval(java.time.Duration.ofMillis(500))
                .until(() ->
                        KafkaConnectWorker.connectorStatus(connect.baseUrl()).running());
    }

    /**
     * Restarts the Connect worker, as an operator does after a broker outage: restarting only the
     * sink's failed tasks can leave the Iceberg coordinator with a closed REST catalog client, so
     * that every commit fails with "Connection pool shut down" and nothing more is archived.
     */
    public void restartArchiveWorker() {
        connect.restart();
    }

    /** The pipeline monitor, sampling every second. */
    public PipelineMonitor monitor() {
        return monitor;
    }

    /** How many times the archive watchdog restarted a stuck Connect worker. */
    public int archiveWatchdogRestarts() {
        return archiveWatchdog.restarts();
    }

    /** Prints the last {@code lines} lines of every engine's log, to explain a failed test. */
    public void printLogTails(int lines) {
        try (Stream<Path> logs = Files.list(config.logsDir())) {
            logs.sorted().forEach(log -> {
                System.out.printf("----- last %d lines of %s -----%n", lines, log);
                ChildProcess.tail(log, lines).forEach(System.out::println);
            });
        } catch (IOException e) {
            System.out.println("Cannot list the logs in " + config.logsDir() + ": " + e.getMessage());
        }
    }

    /** A reader of this stack's Iceberg tables through its REST catalog. */
    public ArchiveReader archive() {
        return new ArchiveReader(config.archive());
    }

    public IngestEdge edge() {
        return edge;
    }

    /**
     * The stream estimates job, started on first use (its ~20 s start and its CPU are paid only by
     * the tests that need it): it then catches up on {@code events.raw} from the beginning.
     */
    public synchronized StreamEstimates startedStream() {
        if (!stream.isRunning()) {
            long startNanos = System.nanoTime();
            stream.start();
            System.out.printf(
                    "Stream estimates job up in %.1f s, checkpoints in %s%n",
                    (System.nanoTime() - startNanos) / 1e9, config.flinkCheckpointDir());
        }
        return stream;
    }

    /**
     * Pinot with the {@code rollups_minute} table, started on first use (it then reads
     * {@code rollups.minute} from the beginning).
     */
    public synchronized Pinot startedPinot() {
        if (!pinot.isRunning()) {
            long startNanos = System.nanoTime();
            pinot.start();
            System.out.printf(
                    "Pinot up in %.1f s: broker %s, controller %s%n",
                    (System.nanoTime() - startNanos) / 1e9, pinot.brokerUrl(), pinot.controllerUrl());
        }
        return pinot;
    }

    /**
     * Trino and the query router, started on first use (Trino's ~30 s start, 2 GB heap and
     * CPU are paid only by the tests that read truth through it).
     */
    public synchronized QueryRouter startedRouter() {
        startedTrino();
        if (!router.isRunning()) {
            long startNanos = System.nanoTime();
            router.start();
            System.out.printf(
                    "Query router up in %.1f s at %s%n", (System.nanoTime() - startNanos) / 1e9, router.baseUrl());
        }
        return router;
    }

    /** Trino, started on first use. */
    public synchronized Trino startedTrino() {
        if (!trino.isRunning()) {
            long startNanos = System.nanoTime();
            trino.start();
            System.out.printf("Trino up in %.1f s at %s%n", (System.nanoTime() - startNanos) / 1e9, trino.baseUrl());
        }
        return trino;
    }

    /** Trino, running or not. */
    public Trino trino() {
        return trino;
    }

    /** The stream estimates job, running or not. */
    public StreamEstimates stream() {
        return stream;
    }

    public EdgeClient client() {
        return client;
    }

    /** Child processes that died without being asked to. */
    public List<ChildExit> unexpectedExits() {
        return List.copyOf(unexpectedExits);
    }

    /** Sends {@code requests} with a few concurrent connections; the responses come back in request order. */
    public List<EdgeResponse> sendAll(List<? extends EdgeRequest> requests) {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<EdgeResponse>> futures = new ArrayList<>();
            for (EdgeRequest request : requests) {
                futures.add(pool.submit(() -> client.send(request)));
            }
            List<EdgeResponse> responses = new ArrayList<>();
            for (Future<EdgeResponse> future : futures) {
                responses.add(future.get());
            }
            return responses;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /** A reader of this stack's topics. */
    public TopicReader reader() {
        return new TopicReader(config.kafkaBootstrap());
    }

    @Override
    public void close() {
        router.stop();
        trino.stop();
        stream.stop();
        // its state is deleted next: no need for Pinot's 20-30 s clean shutdown
        pinot.kill();
        edge.stop();
        monitor.stop();
        archiveWatchdog.stop();
        connect.stop();
        catalog.stop();
        objectStore.stop();
        broker.stop();
        deleteRecursively(config.stateDir());
    }

    private void reportExit(ChildExit exit) {
        unexpectedExits.add(exit);
        System.err.print(exit.describe());
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("Could not delete " + dir + ": " + e.getMessage());
        }
    }
}
