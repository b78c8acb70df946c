package io.adclick.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * {@code adclick.job_runs}: one row per batch job run, failed runs included: which partition it
 * computed, from which {@code raw_events} snapshot, into which output snapshots, with what counts
 * and which code. Partitioned by the month the run started. Field ids are stable.
 */
public final class JobRunsTable {
    public static final Schema SCHEMA = new Schema(
            required(1, "run_id", Types.StringType.get()),
            required(2, "job", Types.StringType.get(), "hourly, daily or maintain"),
            required(3, "partition_key", Types.StringType.get(), "e.g. 2026-11-23T10 (hourly) or 2026-11-23 (daily)"),
            optional(4, "partition_start", Types.TimestampType.withZone()),
            optional(5, "partition_end", Types.TimestampType.withZone(), "exclusive"),
            optional(6, "raw_snapshot_id", Types.LongType.get(), "the adclick.raw_events snapshot read"),
            optional(7, "output_snapshot_id", Types.LongType.get(), "the billing table's snapshot written"),
            required(
                    8,
                    "output_snapshots",
                    Types.MapType.ofRequired(30, 31, Types.StringType.get(), Types.LongType.get()),
                    "every table written, by name, and its new snapshot id"),
            required(9, "rows_in", Types.LongType.get(), "raw rows of the partition"),
            required(10, "impressions_in", Types.LongType.get()),
            required(11, "clicks_in", Types.LongType.get(), "click rows, duplicates included"),
            required(12, "rows_out", Types.LongType.get(), "billing rows written"),
            required(13, "billable_clicks", Types.LongType.get()),
            required(14, "spend_micros", Types.LongType.get()),
            required(15, "duplicates_removed", Types.LongType.get()),
            required(16, "expired_removed", Types.LongType.get()),
            required(17, "no_impression_removed", Types.LongType.get()),
            required(18, "fraud_removed", Types.LongType.get()),
            required(19, "started_at", Types.TimestampType.withZone()),
            required(20, "ended_at", Types.TimestampType.withZone()),
            required(21, "code_version", Types.StringType.get()),
            required(22, "status", Types.StringType.get(), "succeeded or failed"),
            optional(23, "error", Types.StringType.get()),
            optional(24, "settings", Types.StringType.get(), "the billing rules' configuration used"));

    public static final PartitionSpec PARTITION_SPEC =
            PartitionSpec.builderFor(SCHEMA).month("started_at").build();

    private JobRunsTable() {}
}
