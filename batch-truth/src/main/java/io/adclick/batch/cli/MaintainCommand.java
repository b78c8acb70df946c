package io.adclick.batch.cli;

import io.adclick.batch.iceberg.Maintenance;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "maintain",
        description = "Compact raw_events, delete rows past each table's retention, expire old snapshots"
                + " (keeping those job runs reference).")
final class MaintainCommand implements Callable<Integer> {
    @Mixin
    CommonOptions options;

    @Override
    public Integer call() {
        try (JobRuntime runtime = new JobRuntime(options.config())) {
            for (Maintenance.Report report : new Maintenance(runtime.tables, Clock.systemUTC()).run()) {
                System.out.printf("%-24s %-18s %s%n", report.table(), report.action(), report.result());
            }
            return 0;
        }
    }
}
