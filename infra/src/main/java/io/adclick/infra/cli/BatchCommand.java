package io.adclick.infra.cli;

import io.adclick.infra.config.StackConfig;
import io.adclick.infra.truth.TruthJobRunner;
import io.adclick.infra.truth.TruthRange;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code adclick batch --hour H | --day D}: recomputes one partition of billing truth now. */
@Command(
        name = "batch",
        mixinStandardHelpOptions = true,
        description = {
            "Recompute billing truth for one UTC hour (billing_hourly) or day (its 24 hours and billing_daily)"
                    + " from the running stack's raw archive, with Spark in a child JVM; prints a summary table.",
            "Exit code: the job's (0 done, 1 failed, 2 bad input)."
        })
final class BatchCommand implements Callable<Integer> {
    @Mixin
    StackOptions stackOptions;

    @ArgGroup(multiplicity = "1")
    Partition partition;

    static final class Partition {
        @Option(names = "--hour", paramLabel = "H", description = "UTC hour, e.g. 2026-11-23T10")
        String hour;

        @Option(names = "--day", paramLabel = "D", description = "UTC day, e.g. 2026-11-23")
        String day;
    }

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        List<String> arguments;
        try {
            arguments = partition.hour != null
                    ? TruthJobRunner.hour(TruthRange.hour(partition.hour))
                    : TruthJobRunner.day(TruthRange.day("--day", partition.day).toString());
        } catch (IllegalArgumentException e) {
            err.println("adclick batch: " + e.getMessage());
            return TruthCommands.BAD_INPUT;
        }
        StackConfig config = stackOptions.config();
        TruthCommands.requireCatalog(config);
        err.printf(
                "Running %s on %s (Spark local, heap %s) ...%n",
                String.join(" ", arguments),
                config.archive().catalogUrl(),
                config.truth().sparkHeap());
        err.flush();
        return new TruthJobRunner(config).runAttached(arguments);
    }
}
