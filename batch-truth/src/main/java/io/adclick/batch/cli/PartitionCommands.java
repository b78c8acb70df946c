package io.adclick.batch.cli;

import io.adclick.batch.reconcile.Reconciler;
import io.adclick.batch.reconcile.ReconciliationLine;
import io.adclick.batch.run.JobRun;
import io.adclick.batch.truth.Backfill;
import io.adclick.batch.truth.DueHours;
import io.adclick.batch.truth.TruthPartition;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The commands that recompute partitions. */
final class PartitionCommands {
    private PartitionCommands() {}

    /** Recomputes one partition and prints its run. */
    private static int recompute(CommonOptions options, TruthPartition partition, String kind) {
        try (JobRuntime runtime = new JobRuntime(options.config())) {
            System.err.printf("Recomputing %s %s ...%n", kind, partition);
            JobRun run = runtime.job.run(partition);
            RunTable.print(System.out, List.of(run), List.of());
            return 0;
        }
    }

    @Command(name = "hour", description = "Recompute one UTC hour of billing_hourly (and its decisions).")
    static final class Hour implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--hour", required = true, paramLabel = "H", description = "UTC hour, e.g. 2026-11-23T10")
        String hour;

        @Override
        public Integer call() {
            return recompute(options, TruthPartition.hour(hour), "hour");
        }
    }

    @Command(
            name = "day",
            description = "Recompute one UTC day: its 24 hours of billing_hourly and its billing_daily row set.")
    static final class Day implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--day", required = true, paramLabel = "D", description = "UTC day, e.g. 2026-11-23")
        String day;

        @Override
        public Integer call() {
            return recompute(options, TruthPartition.day(day), "day");
        }
    }

    @Command(
            name = "due",
            description = "Recompute each closed hour (its end plus --grace-seconds passed, within --window-hours)"
                    + " that holds raw events and was never computed, or whose partition received raw events since"
                    + " its last successful run; all from one raw_events snapshot.")
    static final class Due implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(
                names = "--grace-seconds",
                paramLabel = "S",
                defaultValue = "120",
                description = "how long after its end an hour counts as closed (default: ${DEFAULT-VALUE})")
        long graceSeconds;

        @Option(
                names = "--window-hours",
                paramLabel = "N",
                defaultValue = "24",
                description = "how many closed hours back to look (default: ${DEFAULT-VALUE})")
        int windowHours;

        @Option(
                names = "--reconcile",
                description =
                        "then reconcile each recomputed hour, and the hour before it, with the stream's estimates")
        boolean reconcile;

        @Override
        public Integer call() {
            if (graceSeconds < 0) {
                throw new IllegalArgumentException("Invalid --grace-seconds %d: use 0 or more".formatted(graceSeconds));
            }
            try (JobRuntime runtime = new JobRuntime(options.config())) {
                runtime.tables.createMissing();
                Long snapshot = runtime.tables.currentRawSnapshotId();
                List<DueHours.Due> due = new DueHours(runtime.tables, runtime.job.runs())
                        .find(Instant.now(), Duration.ofSeconds(graceSeconds), windowHours, snapshot);
                if (due.isEmpty()) {
                    System.err.printf("No hour is due (raw_events snapshot %s)%n", snapshot);
                    return 0;
                }
                List<JobRun> runs = new ArrayList<>();
                for (DueHours.Due hour : due) {
                    System.err.printf(
                            "[%s] %d/%d recomputing hour %s (%s) ...%n",
                            BackfillCommand.bar(runs.size(), due.size()),
                            runs.size() + 1,
                            due.size(),
                            hour.hour(),
                            hour.reason());
                    runs.add(runtime.job.run(hour.hour(), snapshot));
                }
                RunTable.print(System.out, runs, List.of());
                if (reconcile) {
                    reconcile(runtime, withHoursBefore(due));
                }
                return 0;
            }
        }

        /**
         * The recomputed hours and the hour before each: an hour's reconciliation reads the clicks
         * of the next hour too (one that reached the stream first took its impression's first-click
         * state), so it is redone once the next hour is billed.
         */
        private static List<Instant> withHoursBefore(List<DueHours.Due> due) {
            TreeSet<Instant> hours = new TreeSet<>();
            for (DueHours.Due hour : due) {
                hours.add(hour.hour().start().minus(Duration.ofHours(1)));
                hours.add(hour.hour().start());
            }
            return List.copyOf(hours);
        }

        private static void reconcile(JobRuntime runtime, List<Instant> hours) {
            Reconciler reconciler =
                    new Reconciler(runtime.tables, runtime.config.reconcile(), java.time.Clock.systemUTC());
            for (Instant hour : hours) {
                Reconciler.Result result = reconciler.reconcile(hour, hour.plus(Duration.ofHours(1)));
                System.err.printf(
                        "Reconciled hour %s: %d campaigns, %d alerts%n",
                        hour, result.lines().size(), result.alerts());
                result.lines().stream()
                        .filter(ReconciliationLine::alert)
                        .forEach(line -> System.err.printf(
                                "ALERT reconciliation %s %s: residual %d clicks (%d micros) unexplained%n",
                                hour,
                                line.key().campaignId(),
                                line.residual().clicks(),
                                line.residual().spendMicros()));
            }
        }
    }

    @Command(
            name = "backfill",
            description = "Recompute each day from --from to --to (both included) from one raw_events snapshot;"
                    + " resumable: days already computed from that snapshot are skipped.")
    static final class BackfillCommand implements Callable<Integer> {
        @Mixin
        CommonOptions options;

        @Option(names = "--from", required = true, paramLabel = "D", description = "first UTC day")
        String from;

        @Option(names = "--to", required = true, paramLabel = "D", description = "last UTC day (included)")
        String to;

        @Option(names = "--force", description = "recompute days even if already computed from the snapshot")
        boolean force;

        @Option(
                names = "--snapshot",
                paramLabel = "ID",
                description = "raw_events snapshot to read (default: the current one; give the one printed by an"
                        + " interrupted backfill to resume it)")
        Long snapshot;

        @Override
        public Integer call() {
            List<TruthPartition> days = TruthPartition.days(from, to);
            try (JobRuntime runtime = new JobRuntime(options.config())) {
                runtime.tables.createMissing();
                Long pinned = snapshot != null ? snapshot : runtime.tables.currentRawSnapshotId();
                System.err.printf(
                        "Backfilling %d days %s..%s from raw_events snapshot %s (resume with --snapshot %s)%n",
                        days.size(), from, to, pinned, pinned);
                List<JobRun> runs = new ArrayList<>();
                List<String> skipped = new ArrayList<>();
                new Backfill(runtime.job).run(days, pinned, force, (outcome, done, total) -> {
                    outcome.run()
                            .ifPresentOrElse(
                                    runs::add, () -> skipped.add(outcome.day().key()));
                    System.err.printf(
                            "[%s] %d/%d %s %s%n",
                            bar(done, total),
                            done,
                            total,
                            outcome.day(),
                            outcome.skipped() ? "skipped (already computed from this snapshot)" : "done");
                });
                RunTable.print(System.out, runs, skipped);
                return 0;
            }
        }

        static String bar(int done, int total) {
            int width = 30;
            int filled = total == 0 ? width : done * width / total;
            return "#".repeat(filled) + ".".repeat(width - filled);
        }
    }
}
