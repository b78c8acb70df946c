package io.adclick.infra.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adclick topics}: the contract's topics on a real Kafka cluster. */
@Command(
        name = "topics",
        mixinStandardHelpOptions = true,
        description = "Create the contract's Kafka topics on a cluster (production deployment).",
        subcommands = {TopicsCreateCommand.class})
final class TopicsCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
