package io.adclick.batch.cli;

import io.adclick.batch.reconcile.Reconciler;
import io.adclick.batch.reconcile.ReconciliationLine;
import io.adclick.batch.truth.TruthPartition;
import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code reconcile --from --to}: estimates against truth per hour and campaign, hour by hour. */
@Command(
        name = "reconcile",
        description = "Reconcile the stream's estimates (rollups_minute) with billing truth (billing_hourly) per hour"
                + " and campaign, explain the drift by category and write adclick.reconciliation.")
final class ReconcileCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Option(
            names = "--from",
            required = true,
            paramLabel = "H|D",
            description = "first UTC hour (2026-11-23T10) or day (2026-11-23)")
    String from;

    @Option(names = "--to", required = true, paramLabel = "H|D", description = "last UTC hour or day, included")
    String to;

    @Override
    public Integer call() {
        Instant start = partition(from, "--from").start();
        Instant end = partition(to, "--to").end();
        if (!start.isBefore(end)) {
            throw new IllegalArgumentException("Empty range: --from %s is after --to %s".formatted(from, to));
        }
        long hours = ChronoUnit.HOURS.between(start, end);
        try (JobRuntime runtime = new JobRuntime(options.config())) {
            Reconciler reconciler = new Reconciler(runtime.tables, runtime.config.reconcile(), Clock.systemUTC());
            List<ReconciliationLine> lines = new ArrayList<>();
            long alerts = 0;
            for (int i = 0; i < hours; i++) {
                Instant hour = start.plus(i, ChronoUnit.HOURS);
                System.err.printf(
                        "[%s] %d/%d reconciling hour %s ...%n",
                        PartitionCommands.BackfillCommand.bar(i, (int) hours), i + 1, hours, hour);
                Reconciler.Result result = reconciler.reconcile(hour, hour.plus(1, ChronoUnit.HOURS));
                lines.addAll(result.lines());
                alerts += result.alerts();
            }
            print(System.out, lines);
            System.out.printf(
                    "%d hours, %d hour-campaign lines, %d with drift, %d alerts (residual above %d clicks)%n",
                    hours,
                    lines.size(),
                    lines.stream().filter(line -> !line.drift().isZero()).count(),
                    alerts,
                    runtime.config.reconcile().residualAlertClicks());
            return 0;
        }
    }

    private static TruthPartition partition(String text, String option) {
        try {
            return text.strip().length() == 10 ? TruthPartition.day(text) : TruthPartition.hour(text);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "Invalid %s %s: use a UTC hour like 2026-11-23T10 or a day like 2026-11-23"
                            .formatted(option, text));
        }
    }

    /** The lines with drift (or an alert), as a table. */
    static void print(PrintStream out, List<ReconciliationLine> lines) {
        String format = "%-17s %-12s %-12s %10s %10s %8s %8s  %-16s %s%n";
        out.printf(
                format,
                "hour",
                "advertiser",
                "campaign",
                "estimate",
                "truth",
                "drift",
                "residual",
                "category",
                "explained");
        for (ReconciliationLine line : lines) {
            if (line.drift().isZero() && !line.alert()) {
                continue;
            }
            out.printf(
                    format,
                    line.key().hour().toString().substring(0, 16),
                    line.key().advertiserId(),
                    line.key().campaignId(),
                    line.estimate().clicks(),
                    line.truth().clicks(),
                    line.drift().clicks(),
                    line.residual().clicks(),
                    line.alert() ? line.category() + " (ALERT)" : line.category(),
                    line.explained().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue().clicks())
                            .sorted()
                            .toList());
        }
    }
}
