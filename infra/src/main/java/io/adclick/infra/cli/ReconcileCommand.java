package io.adclick.infra.cli;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.truth.TruthJobRunner;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code adclick reconcile --from --to}: the stream's estimates against billing truth per hour and
 * campaign, with the drift explained by category, written to {@code adclick.reconciliation}.
 */
@Command(
        name = "reconcile",
        mixinStandardHelpOptions = true,
        description = {
            "Reconcile the stream's estimates (rollups_minute) with billing truth (billing_hourly) for each"
                    + " UTC hour from --from to --to (both included), with a progress line per hour, and print"
                    + " the hours and campaigns that drift, explained by category (late, no_impression,"
                    + " dedup_expiry, first_click_order, fraud:<rule>) and an unexplained residual.",
            "Exit code: the job's (0 done, 1 failed, 2 bad input)."
        })
final class ReconcileCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "H|D",
            description = "first UTC hour (2026-11-23T10) or day (2026-11-23)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "H|D", description = "last UTC hour or day (included)")
    String to;

    @Override
    public Integer call() {
        StackConfig config = stackOptions.config();
        TruthCommands.requireCatalog(config);
        return new TruthJobRunner(config).runAttached(List.of("reconcile", "--from", from, "--to", to));
    }
}
