package io.adclick.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * {@code adclick.click_decisions}: the billing decision of every click row of {@code raw_events}
 * (transport duplicates included), partitioned by event hour: the audit trail behind each
 * {@code billing_hourly} row. {@code decision} is one of {@link ClickDecisions}. Field ids are stable: never reuse or renumber one.
 */
public final class ClickDecisionsTable {
    /** The decisions other than {@code fraud:<rule>}, in the order they are checked. */
    public static final List<String> DECISIONS = ClickDecisions.ORDER;

    public static final Schema SCHEMA = new Schema(
            required(1, "event_id", Types.StringType.get()),
            required(2, "event_time", Types.TimestampType.withZone()),
            required(3, "received_at", Types.TimestampType.withZone()),
            required(4, "decision", Types.StringType.get(), "billable, a removal reason, or fraud:<rule>"),
            optional(
                    5,
                    "duplicate_of",
                    Types.StringType.get(),
                    "duplicate_event: the event_id kept; duplicate_impression: the impression's first click"),
            required(
                    6,
                    "fraud_rules",
                    Types.ListType.ofRequired(20, Types.StringType.get()),
                    "every fraud rule that flagged the click"),
            required(7, "spend_micros", Types.LongType.get(), "cpc_micros when billable, else 0"),
            required(8, "impression_id", Types.StringType.get()),
            required(9, "advertiser_id", Types.StringType.get()),
            required(10, "campaign_id", Types.StringType.get()),
            required(11, "ad_id", Types.StringType.get()),
            required(12, "publisher_id", Types.StringType.get()),
            required(13, "country", Types.StringType.get()),
            required(14, "device", Types.StringType.get()),
            optional(15, "user_id", Types.StringType.get()),
            required(16, "cpc_micros", Types.LongType.get()),
            optional(17, "raw_file", Types.StringType.get(), "the raw_events data file holding the click"),
            required(18, "job_run_id", Types.StringType.get()),
            optional(19, "raw_snapshot_id", Types.LongType.get()));

    public static final PartitionSpec PARTITION_SPEC =
            PartitionSpec.builderFor(SCHEMA).hour("event_time").build();

    private ClickDecisionsTable() {}
}
