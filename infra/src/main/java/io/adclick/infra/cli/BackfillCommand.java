package io.adclick.infra.cli;

import io.adclick.infra.archive.ArchiveFigures;
import io.adclick.infra.config.StackConfig;
import io.adclick.infra.truth.BackfillState;
import io.adclick.infra.truth.TruthJobRunner;
import io.adclick.infra.truth.TruthRange;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code adclick backfill --from D --to D [--force]}: recomputes a range of days from one pinned
 * {@code raw_events} snapshot. The snapshot is remembered until the backfill succeeds, so running
 * the same command again after Ctrl-C resumes it: the days already computed are skipped.
 */
@Command(
        name = "backfill",
        mixinStandardHelpOptions = true,
        description = {
            "Recompute billing truth for each UTC day from --from to --to (both included), all from one"
                    + " raw_events snapshot, with a progress line per day and a summary table.",
            "Interrupted (Ctrl-C)? Run the same command again: it reuses the snapshot and skips the days"
                    + " already computed from it.",
            "Exit code: the job's (0 done, 1 failed, 2 bad input)."
        })
final class BackfillCommand implements Callable<Integer> {
    private static final String STATE_FILE = "backfill.json";

    @Mixin
    StackOptions stackOptions;

    @Option(names = "--from", required = true, paramLabel = "D", description = "first UTC day, e.g. 2026-11-01")
    String from;

    @Option(names = "--to", required = true, paramLabel = "D", description = "last UTC day (included)")
    String to;

    @Option(
            names = "--force",
            description = "recompute every day from the current snapshot, even days already computed")
    boolean force;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        try {
            TruthRange.days(from, to);
        } catch (IllegalArgumentException e) {
            err.println("adclick backfill: " + e.getMessage());
            return TruthCommands.BAD_INPUT;
        }
        String first = TruthRange.day("--from", from).toString();
        String last = TruthRange.day("--to", to).toString();
        StackConfig config = stackOptions.config();
        TruthCommands.requireCatalog(config);
        Path stateFile = config.truthDir().resolve(STATE_FILE);
        Optional<BackfillState> interrupted =
                BackfillState.read(stateFile).filter(state -> !force && state.covers(first, last));
        BackfillState backfill;
        if (interrupted.isPresent()) {
            backfill = interrupted.get();
            err.printf(
                    "Resuming the interrupted backfill %s..%s from raw_events snapshot %s (--force to start afresh)%n",
                    first, last, backfill.rawSnapshotId());
        } else {
            backfill = new BackfillState(first, last, currentSnapshot(config));
            backfill.write(stateFile);
        }
        err.flush();
        int exitCode = new TruthJobRunner(config)
                .runAttached(TruthJobRunner.backfill(first, last, force, backfill.rawSnapshotId()));
        if (exitCode == 0) {
            BackfillState.clear(stateFile);
        } else {
            err.printf(
                    "The backfill stopped (exit code %d): run the same command again to resume it from snapshot %s%n",
                    exitCode, backfill.rawSnapshotId());
        }
        return exitCode;
    }

    private static Long currentSnapshot(StackConfig config) throws IOException, InterruptedException {
        ArchiveFigures.TableFigures figures =
                ArchiveFigures.rawEvents(URI.create(config.archive().catalogUrl()), Duration.ofSeconds(10));
        return figures.currentSnapshotId().isPresent()
                ? figures.currentSnapshotId().getAsLong()
                : null;
    }
}
