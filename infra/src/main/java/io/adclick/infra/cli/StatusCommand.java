package io.adclick.infra.cli;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.kafka.KafkaBroker;
import io.adclick.infra.launcher.ComponentDescriptor;
import io.adclick.infra.launcher.ComponentStatus;
import io.adclick.infra.launcher.StatusContext;
import io.adclick.infra.process.RecordedProcess;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.StackState;
import io.adclick.infra.stack.StackStateFile;
import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
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
            StackComponents.all()
                    .forEach(component -> out.printf(ROW, component.name(), "not started", "-", "-", "-", ""));
            out.println("No stack is running: start one with ./adclick up");
            return 0;
        }
        StatusContext context = new StatusContext(
                config, state.get(), state.get().component(KafkaBroker.NAME).map(ComponentRecord::url));
        boolean allRunning = true;
        for (ComponentDescriptor descriptor : StackComponents.all()) {
            Optional<ComponentRecord> component = state.get().component(descriptor.name());
            if (component.isEmpty()) {
                out.printf(ROW, descriptor.name(), "not started", "-", "-", "-", "");
                continue;
            }
            allRunning &= printComponent(out, descriptor, component.get(), context);
        }
        return allRunning ? 0 : 3;
    }

    private static boolean printComponent(
            PrintWriter out, ComponentDescriptor descriptor, ComponentRecord component, StatusContext context) {
        String port = component.port() == 0 ? "-" : Integer.toString(component.port());
        if (!new RecordedProcess(component).isRunning()) {
            out.printf(ROW, component.name(), "dead", component.pid(), port, "-", "see " + component.log());
            return false;
        }
        ComponentStatus status = descriptor.status(component, context);
        out.printf(
                ROW,
                component.name(),
                "running",
                component.pid(),
                port,
                status.health().detail(),
                status.figures());
        return true;
    }
}
