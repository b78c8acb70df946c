package io.adclick.infra.cli;

import io.adclick.infra.edge.EdgeFigures;
import io.adclick.infra.edge.IngestEdge;
import io.adclick.infra.kafka.KafkaBroker;
import io.adclick.infra.kafka.KafkaFigures;
import io.adclick.infra.stack.ChildProcess;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.Health;
import io.adclick.infra.stack.RecordedProcess;
import io.adclick.infra.stack.StackConfig;
import io.adclick.infra.stack.StackState;
import io.adclick.infra.stack.StackStateFile;
import io.adclick.infra.traffic.TrafficGenerator;
import io.adclick.schemas.wire.Topics;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Callable;
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
    private static final List<String> COMPONENTS = List.of(KafkaBroker.NAME, IngestEdge.NAME, TrafficGenerator.NAME);
    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);
    private static final String ROW = "%-8s %-12s %-8s %-6s %-28s %s%n";

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
            allRunning &= printComponent(out, component.get());
        }
        return allRunning ? 0 : 3;
    }

    private boolean printComponent(PrintWriter out, ComponentRecord component) {
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
            default -> {
                health = Health.up("running");
                List<String> last = ChildProcess.tail(Path.of(component.log()), 1);
                figures = last.isEmpty() ? "" : last.get(0);
            }
        }
        out.printf(ROW, component.name(), "running", component.pid(), port, health.detail(), figures);
        return true;
    }

    private static String kafkaFigures(String bootstrap) {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        properties.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        properties.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) PROBE_TIMEOUT.toMillis());
        try (Admin admin = Admin.create(properties)) {
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
