package io.adclick.router.trino;

import static java.util.Objects.requireNonNull;

import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What every answer reports about billing truth: the current snapshot of the table it read and
 * how far truth is complete ({@code complete_through}: the end of the latest partition a succeeded
 * hourly or daily run computed, but never past the start of the hour that run started in, since
 * events of an unfinished hour may still arrive). Gaps before that instant are not detected.
 */
@Singleton
public final class TruthState {
    private final TruthDatabase database;

    public TruthState(TruthDatabase database) {
        this.database = requireNonNull(database, "database is null");
    }

    /** The current snapshot id of {@code table} (a constant table name), empty when it has none. */
    public Optional<Long> currentSnapshot(String table) {
        try {
            List<Long> ids = database.query(
                    new Sql(
                            "SELECT snapshot_id FROM \"" + table + "$history\" WHERE is_current_ancestor"
                                    + " ORDER BY made_current_at DESC LIMIT 1",
                            List.of()),
                    row -> row.getLong(1));
            return ids.stream().findFirst();
        } catch (TruthDatabase.MissingTableException e) {
            return Optional.empty();
        }
    }

    /** How far billing truth is complete; empty before the first succeeded run. */
    public Optional<Instant> completeThrough() {
        try {
            List<Instant> ends = database.query(
                    new Sql(
                            "SELECT CAST(to_unixtime(max(least(partition_end, date_trunc('hour', started_at))))"
                                    + " * 1000 AS bigint) FROM job_runs WHERE job IN (?, ?) AND status = ?",
                            List.of("hourly", "daily", "succeeded")),
                    row -> {
                        long millis = row.getLong(1);
                        return row.wasNull() ? null : Instant.ofEpochMilli(millis);
                    });
            return ends.stream().filter(java.util.Objects::nonNull).findFirst();
        } catch (TruthDatabase.MissingTableException e) {
            return Optional.empty();
        }
    }

    /** Both figures at once. */
    public Snapshot of(String table) {
        return new Snapshot(completeThrough(), currentSnapshot(table));
    }

    /** {@code complete_through} and {@code truth_snapshot_id} of one answer. */
    public record Snapshot(Optional<Instant> completeThrough, Optional<Long> snapshotId) {
        public Snapshot {
            requireNonNull(completeThrough, "completeThrough is null");
            requireNonNull(snapshotId, "snapshotId is null");
        }
    }
}
