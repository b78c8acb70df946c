package io.adclick.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.required;

import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * {@code adclick.campaigns}: each campaign's advertiser and daily budget. Rows are only appended:
 * a campaign's budget is the one of its latest {@code updated_at}. Seeded from the traffic
 * generator's catalog at {@code adclick up} and loaded by engineers through the query router.
 * Field ids are stable: never reuse or renumber one.
 */
public final class CampaignsTable {
    public static final Schema SCHEMA = new Schema(
            required(1, "campaign_id", Types.StringType.get()),
            required(2, "advertiser_id", Types.StringType.get()),
            required(3, "daily_budget_micros", Types.LongType.get(), "spend allowed per UTC day, in micros"),
            required(4, "updated_at", Types.TimestampType.withZone(), "when this budget was set"));

    public static final PartitionSpec PARTITION_SPEC = PartitionSpec.unpartitioned();

    private CampaignsTable() {}
}
