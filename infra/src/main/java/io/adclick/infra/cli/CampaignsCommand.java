package io.adclick.infra.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adclick campaigns}: campaign budgets in {@code adclick.campaigns} (pacing reads them). */
@Command(
        name = "campaigns",
        mixinStandardHelpOptions = true,
        description = "Campaign daily budgets, which /v1/pacing compares spend with.",
        subcommands = {CampaignsLoadCommand.class})
final class CampaignsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
