package io.adclick.batch.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The command tree of {@code BatchTruthMain}. */
@Command(
        name = "batch-truth",
        mixinStandardHelpOptions = true,
        description = "Recompute billing truth from adclick.raw_events (CONTRACT section 4).",
        subcommands = {
            PartitionCommands.Hour.class,
            PartitionCommands.Day.class,
            PartitionCommands.Due.class,
            PartitionCommands.BackfillCommand.class,
            ReconcileCommand.class,
            MaintainCommand.class,
            SettingsCommand.class
        })
public final class BatchTruthCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "Choose a command: hour, day, due, backfill, reconcile, maintain");
    }

    /** The command line with errors reported as one clear sentence (exit code 2 for bad input). */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new BatchTruthCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + e.getMessage());
            return e instanceof IllegalArgumentException ? 2 : 1;
        });
        return commandLine;
    }
}
