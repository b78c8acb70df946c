package io.adclick.infra.cli;

import io.adclick.infra.archive.ArchiveFigures;
import io.adclick.infra.archive.ArchiveWatchdog;
import io.adclick.infra.archive.HttpProbe;
import io.adclick.infra.archive.IcebergCatalog;
import io.adclick.infra.archive.KafkaConnectWorker;
import io.adclick.infra.archive.ObjectStore;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.config.StreamConfig;
import io.adclick.infra.edge.EdgeFigures;
import io.adclick.infra.edge.IngestEdge;
import io.adclick.infra.edge.PrometheusText;
import io.adclick.infra.kafka.KafkaBroker;
import io.adclick.infra.kafka.KafkaFigures;
import io.adclick.infra.monitor.MonitorFigures;
import io.adclick.infra.monitor.PipelineMonitor;
import io.adclick.infra.pinot.Pinot;
import io.adclick.infra.pinot.RollupQueries;
import io.adclick.infra.process.ChildProcess;
import io.adclick.infra.process.RecordedProcess;
import io.adclick.infra.query.QueryRouter;
import io.adclick.infra.query.RouterFigures;
import io.adclick.infra.query.Trino;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.StackState;
import io.adclick.infra.stack.StackStateFile;
import io.adclick.infra.stream.StreamEstimates;
import io.adclick.infra.stream.StreamFigures;
import io.adclick.infra.traffic.TrafficGenerator;
import io.adclick.infra.truth.TruthRun;
import io.adclick.infra.truth.TruthScheduler;
import io.adclick.schemas.pinot.PinotBroker;
import io.adclick.schemas.wire.Topics;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adclick status}: one line per component with its state, pid, port, health and key figures. */
@Command(
        name = "status",
        mixinStandardHelpOptions = true,
        description = "Show the state of the embedded stack (exit code 3 when a component is dead).")
final class StatusCommand implements Callable<Integer> {
    private static final List<String> COMPONENTS = List.of(
            KafkaBroker.NAME,
            ObjectStore.NAME,
            IcebergCatalog.NAME,
            KafkaConnectWorker.NAME,
            ArchiveWatchdog.NAME,
            TruthScheduler.NAME,
            IngestEdge.NAME,
            Pinot.NAME,
            StreamEstimates.NAME,
            PipelineMonitor.NAME,
            Trino.NAME,
            QueryRouter.NAME,
            TrafficGenerator.NAME);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final String ROW = "%-12s %-12s %-8s %-6s %-28s %s%n";

    @Mixin
    StackOptions stackOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StackConfig config = stackOptions.config();
        PrintWriter out = spec.commandLine().getOut();
        Optional<StackState> state = new StackStateFile(config.stackFile()).read();
        out.printf("State directory: %s%n", config.stateDir());
        out.printf(ROW, "NAME", "STATE", "PID", "PORT", "HEALTH", "FIGURES");
        if (state.isEmpty()) {
            COMPONENTS.forEach(name -> out.printf(ROW, name, "not started", "-", "-", "-", ""));
            out.println("No stack is running: start one with ./adclick up");
            return 0;
        }
        boolean allRunning = true;
        for (String name : COMPONENTS) {
            Optional<ComponentRecord> component = state.get().component(name);
            if (component.isEmpty()) {
                out.printf(ROW, name, "not started", "-", "-", "-", "");
                continue;
            }
            allRunning &= printComponent(out, component.get(), state.get());
        }
        return allRunning ? 0 : 3;
    }

    private boolean printComponent(PrintWriter out, ComponentRecord component, StackState state) {
        boolean running = new RecordedProcess(component).isRunning();
        String port = component.port() == 0 ? "-" : Integer.toString(component.port());
        if (!running) {
            out.printf(ROW, component.name(), "dead", component.pid(), port, "-", "see " + component.log());
            return false;
        }
        Health health;
        String figures;
        switch (component.name()) {
            case KafkaBroker.NAME -> {
                health = KafkaBroker.probe(component.url(), PROBE_TIMEOUT);
                figures = health.healthy() ? kafkaFigures(component.url()) : "";
            }
            case IngestEdge.NAME -> {
                health = IngestEdge.probe(URI.create(component.url()));
                figures = EdgeFigures.scrape(URI.create(component.url())).describe();
            }
            case ObjectStore.NAME -> {
                health = HttpProbe.answers(URI.create(component.url() + "/"));
                figures = "";
            }
            case IcebergCatalog.NAME -> {
                health = HttpProbe.answers(URI.create(component.url() + "/v1/config"));
                figures = health.healthy() ? catalogFigures(URI.create(component.url())) : "";
            }
            case KafkaConnectWorker.NAME -> {
                health = HttpProbe.answers(URI.create(component.url() + "/"));
                figures = health.healthy() ? connectFigures(URI.create(component.url()), state) : "";
            }
            case StreamEstimates.NAME -> {
                StreamConfig stream = stackOptions.config().stream();
                health = StreamEstimates.probe(
                        Path.of(component.url()), component.startedAt(), stream.stalledAfter(), Instant.now());
                figures = streamFigures(state);
            }
            case Pinot.NAME -> {
                health = Pinot.probe(URI.create(component.url()));
                figures = health.healthy() ? pinotFigures(URI.create(component.url())) : "";
            }
            case PipelineMonitor.NAME -> {
                health = HttpProbe.answers(URI.create(component.url() + "/health"));
                figures = health.healthy()
                        ? metricsFigures(
                                URI.create(component.url() + "/metrics"), m -> new MonitorFigures(m).describe())
                        : "";
            }
            case Trino.NAME -> {
                health = Trino.probe(URI.create(component.url()));
                figures = component.url() + "/ui/";
            }
            case QueryRouter.NAME -> {
                health = IngestEdge.probe(URI.create(component.url()));
                figures = health.healthy()
                        ? metricsFigures(URI.create(component.url() + "/metrics"), m -> new RouterFigures(m).describe())
                        : "";
            }
            case TruthScheduler.NAME -> {
                health = Health.up("scheduling");
                figures = TruthRun.read(TruthScheduler.lastRunFile(stackOptions.config()))
                                .map(run -> "last run: " + run.line())
                                .orElse("no run yet")
                        + reconciliationAlerts(TruthScheduler.alertsFile(stackOptions.config()));
            }
            case ArchiveWatchdog.NAME -> {
                health = Health.up("watching raw_events commits");
                figures = lastLauncherLine(component, "archive: ").orElse("no restart of Kafka Connect needed");
            }
            default -> {
                health = Health.up("running");
                List<String> last = ChildProcess.tail(Path.of(component.log()), 1);
                figures = last.isEmpty() ? "" : last.get(0);
            }
        }
        out.printf(ROW, component.name(), "running", component.pid(), port, health.detail(), figures);
        return true;
    }

    /** {@code "; N reconciliation alerts, last: ..."}, or nothing without alerts. */
    private static String reconciliationAlerts(Path alertsFile) {
        if (!java.nio.file.Files.exists(alertsFile)) {
            return "";
        }
        try {
            List<String> alerts = java.nio.file.Files.readAllLines(alertsFile);
            return alerts.isEmpty()
                    ? ""
                    : "; %d reconciliation ALERTS, last: %s".formatted(alerts.size(), alerts.get(alerts.size() - 1));
        } catch (java.io.IOException e) {
            return "; reconciliation alerts unreadable: " + e.getMessage();
        }
    }

    private static String catalogFigures(URI catalogUrl) {
        try {
            return ArchiveFigures.rawEvents(catalogUrl, PROBE_TIMEOUT).describe();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "raw_events unavailable: " + e.getMessage();
        }
    }

    /** The newest line of the component's log (the last 500 lines) that says {@code marker}. */
    private static Optional<String> lastLauncherLine(ComponentRecord component, String marker) {
        List<String> lines = ChildProcess.tail(Path.of(component.log()), 500);
        for (int i = lines.size() - 1; i >= 0; i--) {
            if (lines.get(i).contains(marker)) {
                return Optional.of(lines.get(i));
            }
        }
        return Optional.empty();
    }

    /** The figures {@code describe} makes of the Prometheus exposition at {@code metricsUrl}. */
    private static String metricsFigures(URI metricsUrl, Function<PrometheusText, String> describe) {
        try {
            return describe.apply(PrometheusText.fetch(metricsUrl, PROBE_TIMEOUT));
        } catch (java.io.IOException e) {
            return "metrics unavailable: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private static String pinotFigures(URI brokerUrl) {
        try {
            return new RollupQueries(new PinotBroker(brokerUrl, PROBE_TIMEOUT))
                    .figures()
                    .describe(Instant.now());
        } catch (RuntimeException e) {
            return "rollups_minute unavailable: " + e.getMessage();
        }
    }

    private static String connectFigures(URI connectUrl, StackState state) {
        String status = KafkaConnectWorker.connectorStatus(connectUrl).describe();
        Optional<ComponentRecord> kafka = state.component(KafkaBroker.NAME);
        if (kafka.isEmpty()) {
            return status;
        }
        try (Admin admin = Admin.create(adminProperties(kafka.get().url()))) {
            return "%s, %,d events.raw records behind the sink's committed offsets"
                    .formatted(status, ArchiveFigures.archiveLag(admin, PROBE_TIMEOUT));
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return status + ", lag unavailable: " + e.getMessage();
        }
    }

    private static String streamFigures(StackState state) {
        Optional<ComponentRecord> kafka = state.component(KafkaBroker.NAME);
        if (kafka.isEmpty()) {
            return "";
        }
        try (Admin admin = Admin.create(adminProperties(kafka.get().url()))) {
            return StreamFigures.read(admin, PROBE_TIMEOUT).describe();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "lag unavailable: " + e.getMessage();
        }
    }

    private static Properties adminProperties(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        return properties;
    }

    private static String kafkaFigures(String bootstrap) {
        try (Admin admin = Admin.create(adminProperties(bootstrap))) {
            Map<String, Long> offsets =
                    KafkaFigures.endOffsets(admin, List.of(Topics.EVENTS_RAW, Topics.EVENTS_QUARANTINE), PROBE_TIMEOUT);
            StringBuilder text = new StringBuilder("end offsets:");
            offsets.forEach((topic, offset) ->
                    text.append(' ').append(topic).append('=').append(offset));
            return text.toString();
        } catch (Exception e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            return "end offsets unavailable: " + e.getMessage();
        }
    }
}
