package io.adclick.batch.cli;

import io.adclick.batch.run.JobRun;
import io.adclick.batch.run.RunCounts;
import java.io.PrintStream;
import java.time.Duration;
import java.util.List;

/** Prints job runs as a summary table. */
final class RunTable {
    private static final String FORMAT = "%-13s %-8s %-9s %12s %10s %10s %16s %10s %8s %8s %8s %8s%n";

    private RunTable() {}

    static void print(PrintStream out, List<JobRun> runs, List<String> skipped) {
        out.printf(
                FORMAT,
                "partition",
                "job",
                "status",
                "raw_rows",
                "clicks",
                "billable",
                "spend_micros",
                "dups",
                "expired",
                "no_imp",
                "fraud",
                "seconds");
        for (JobRun run : runs) {
            RunCounts c = run.counts();
            out.printf(
                    FORMAT,
                    run.partitionKey(),
                    run.job(),
                    run.status().wireName(),
                    c.rowsIn(),
                    c.clicksIn(),
                    c.billableClicks(),
                    c.spendMicros(),
                    c.duplicatesRemoved(),
                    c.expiredRemoved(),
                    c.noImpressionRemoved(),
                    c.fraudRemoved(),
                    Duration.between(run.startedAt(), run.endedAt()).toSeconds());
        }
        for (String partition : skipped) {
            out.printf(FORMAT, partition, "daily", "skipped", "-", "-", "-", "-", "-", "-", "-", "-", "-");
        }
        runs.stream()
                .findFirst()
                .ifPresent(
                        run -> out.printf("raw_events snapshot %s, code %s%n", run.rawSnapshotId(), run.codeVersion()));
    }
}
