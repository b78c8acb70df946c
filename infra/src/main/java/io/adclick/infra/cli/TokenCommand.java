package io.adclick.infra.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code adclick token}: sign and verify ad tokens with the keys of {@code ADCLICK_SIGNING_KEYS}. */
@Command(
        name = "token",
        mixinStandardHelpOptions = true,
        description = "Sign and verify ad tokens (keys from ADCLICK_SIGNING_KEYS, else the embedded dev key).",
        subcommands = {TokenSignCommand.class, TokenVerifyCommand.class})
final class TokenCommand implements Runnable {
    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
