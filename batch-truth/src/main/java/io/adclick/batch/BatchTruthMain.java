package io.adclick.batch;

import io.adclick.batch.cli.BatchTruthCommand;

/**
 * Entry point of the billing truth jobs: {@code hour --hour H}, {@code day --day D}, {@code due}, {@code
 * backfill --from D --to D [--force] [--snapshot ID]}, {@code maintain}, {@code settings}. Runs in
 * Spark local mode from a plain {@code java -cp}, or under spark-submit on a cluster.
 */
public final class BatchTruthMain {
    private BatchTruthMain() {}

    public static void main(String[] args) {
        System.exit(BatchTruthCommand.commandLine().execute(args));
    }
}
