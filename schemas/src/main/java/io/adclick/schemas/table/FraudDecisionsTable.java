package io.adclick.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * {@code adclick.fraud_decisions}: one row per click and fraud rule that flagged it, with the
 * rule's evidence, partitioned by event hour. A click flagged by two rules has two rows; its
 * {@code decision} is the one recorded in {@link ClickDecisionsTable}. Field ids are stable.
 */
public final class FraudDecisionsTable {
    public static final Schema SCHEMA = new Schema(
            required(1, "event_id", Types.StringType.get()),
            required(2, "event_time", Types.TimestampType.withZone()),
            required(3, "rule", Types.StringType.get(), "the fraud rule's name, e.g. bot_device"),
            required(4, "evidence", Types.StringType.get(), "why the rule flagged the click, in words and numbers"),
            required(5, "decision", Types.StringType.get(), "the click's final decision"),
            required(6, "impression_id", Types.StringType.get()),
            required(7, "advertiser_id", Types.StringType.get()),
            required(8, "campaign_id", Types.StringType.get()),
            required(9, "ad_id", Types.StringType.get()),
            required(10, "publisher_id", Types.StringType.get()),
            required(11, "device", Types.StringType.get()),
            optional(12, "user_id", Types.StringType.get()),
            optional(13, "ip", Types.StringType.get()),
            optional(14, "user_agent", Types.StringType.get()),
            required(15, "job_run_id", Types.StringType.get()),
            optional(16, "raw_snapshot_id", Types.LongType.get()));

    public static final PartitionSpec PARTITION_SPEC =
            PartitionSpec.builderFor(SCHEMA).hour("event_time").build();

    private FraudDecisionsTable() {}
}
