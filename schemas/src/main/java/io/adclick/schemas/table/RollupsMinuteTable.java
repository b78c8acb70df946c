package io.adclick.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * {@code adclick.rollups_minute}: every revision of the stream's minute rollups as Kafka Connect
 * archives them from {@code rollups.minute} (the JSON fields of {@code MinuteRollup}, same names),
 * partitioned by the rollup's hour. The estimate of a rollup key is its highest {@code revision}.
 * Field ids are stable: never reuse or renumber one.
 */
public final class RollupsMinuteTable {
    public static final Schema SCHEMA = new Schema(
            required(1, "schema_version", Types.IntegerType.get()),
            required(2, "minute", Types.TimestampType.withZone(), "start of the event minute (UTC)"),
            required(3, "campaign_id", Types.StringType.get()),
            required(4, "ad_id", Types.StringType.get()),
            required(5, "publisher_id", Types.StringType.get()),
            required(6, "country", Types.StringType.get()),
            required(7, "device", Types.StringType.get()),
            required(8, "advertiser_id", Types.StringType.get()),
            required(9, "impressions", Types.LongType.get()),
            required(10, "clicks", Types.LongType.get()),
            required(11, "billable_clicks", Types.LongType.get()),
            required(12, "spend_micros", Types.LongType.get()),
            required(13, "unique_users", Types.LongType.get()),
            optional(14, "unique_users_sketch", Types.StringType.get(), "base64 Theta sketch"),
            required(15, "revision", Types.LongType.get(), "higher revisions replace lower ones of the same key"),
            required(16, "emitted_at", Types.TimestampType.withZone()));

    public static final PartitionSpec PARTITION_SPEC =
            PartitionSpec.builderFor(SCHEMA).hour("minute").build();

    private RollupsMinuteTable() {}
}
