package io.adclick.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * {@code adclick.raw_events}: every field of the raw log's {@code RawEvent}, one column each, with
 * the same names, partitioned by event hour. Field ids are stable: never reuse or renumber one.
 */
public final class RawEventsTable {
    public static final Schema SCHEMA = new Schema(
            required(1, "schema_version", Types.IntegerType.get()),
            required(2, "event_type", Types.StringType.get()),
            required(3, "event_id", Types.StringType.get()),
            required(4, "event_time", Types.TimestampType.withZone()),
            required(5, "received_at", Types.TimestampType.withZone()),
            required(6, "source", Types.StringType.get()),
            optional(7, "user_id", Types.StringType.get()),
            required(8, "country", Types.StringType.get()),
            required(9, "device", Types.StringType.get()),
            optional(
                    10, "attributes", Types.MapType.ofRequired(24, 25, Types.StringType.get(), Types.StringType.get())),
            required(11, "token", Types.StringType.get()),
            required(12, "token_kid", Types.StringType.get()),
            required(13, "token_status", Types.StringType.get()),
            required(14, "impression_id", Types.StringType.get()),
            required(15, "advertiser_id", Types.StringType.get()),
            required(16, "campaign_id", Types.StringType.get()),
            required(17, "ad_id", Types.StringType.get()),
            required(18, "publisher_id", Types.StringType.get()),
            required(19, "cpc_micros", Types.LongType.get()),
            required(20, "landing_url", Types.StringType.get()),
            required(21, "token_issued_at", Types.TimestampType.withZone()),
            optional(22, "ip", Types.StringType.get()),
            optional(23, "user_agent", Types.StringType.get()));

    public static final PartitionSpec PARTITION_SPEC =
            PartitionSpec.builderFor(SCHEMA).hour("event_time").build();

    private RawEventsTable() {}
}
