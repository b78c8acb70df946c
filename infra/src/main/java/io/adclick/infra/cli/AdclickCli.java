package io.adclick.infra.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code adclick} command: runs the embedded stack, sends traffic, signs tokens. */
@Command(
        name = "adclick",
        mixinStandardHelpOptions = true,
        version = "adclick 0.1.0",
        description = "Ad click aggregation: the embedded stack and its tools.",
        subcommands = {
            UpCommand.class,
            DownCommand.class,
            StatusCommand.class,
            TokenCommand.class,
            GenerateCommand.class,
            BatchCommand.class,
            BackfillCommand.class,
            ReconcileCommand.class,
            MonitorCommand.class,
            CampaignsCommand.class,
            TopicsCommand.class,
            CommandLine.HelpCommand.class
        })
public final class AdclickCli implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line (also used by tests). */
    public static CommandLine commandLine() {
        return new CommandLine(new AdclickCli())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler((e, cmd, parseResult) -> {
                    cmd.getErr().println("adclick " + cmd.getCommandName() + ": " + e.getMessage());
                    return 1;
                });
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
