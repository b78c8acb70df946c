package io.adclick.infra.cli;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.process.RecordedProcess;
import io.adclick.infra.stack.ComponentRecord;
import io.adclick.infra.stack.StackState;
import io.adclick.infra.stack.StackStateFile;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code adclick down}: stops the stack recorded in {@code stack.json}: first the launcher (which
 * stops its components in reverse order), then any component still running, by its recorded pid.
 */
@Command(name = "down", mixinStandardHelpOptions = true, description = "Stop a stack started with ./adclick up.")
final class DownCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        StackConfig config = stackOptions.config();
        PrintWriter out = spec.commandLine().getOut();
        StackStateFile stateFile = new StackStateFile(config.stackFile());
        Optional<StackState> recorded = stateFile.read();
        if (recorded.isEmpty()) {
            out.printf("No stack is recorded in %s: nothing to stop.%n", config.stateDir());
            return 0;
        }
        StackState state = recorded.get();
        RecordedProcess launcher = new RecordedProcess(state.launcher());
        if (launcher.isRunning()) {
            Duration grace =
                    config.stopTimeout().multipliedBy(state.components().size() + 1L);
            out.println(launcher.terminate(grace));
        }
        List<ComponentRecord> components = state.components();
        for (int i = components.size() - 1; i >= 0; i--) {
            ComponentRecord component = components.get(i);
            if (component.pid() == state.launcher().pid()) {
                continue;
            }
            RecordedProcess process = new RecordedProcess(component);
            if (process.isRunning()) {
                out.println(process.terminate(config.stopTimeout()));
            }
        }
        stateFile.delete();
        out.println("Stack stopped.");
        return 0;
    }
}
