package io.adclick.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.List;
import org.apache.iceberg.types.Types;
import org.apache.iceberg.types.Types.NestedField;

/**
 * The dimensions and measures shared by {@link BillingHourlyTable} and {@link BillingDailyTable},
 * with the same field ids in both. For every row: {@code clicks = billable_clicks +
 * double_clicks_removed + expired_removed + no_impression_removed + fraud_removed}; transport
 * duplicates ({@code duplicate_events_removed}) are extra copies of a counted click, not clicks.
 */
public final class BillingColumns {
    /** The grouping columns after the time bucket, in order. */
    public static final List<String> DIMENSIONS =
            List.of("advertiser_id", "campaign_id", "ad_id", "publisher_id", "country", "device");

    static List<NestedField> dimensionsAndMeasures() {
        return List.of(
                required(2, "advertiser_id", Types.StringType.get()),
                required(3, "campaign_id", Types.StringType.get()),
                required(4, "ad_id", Types.StringType.get()),
                required(5, "publisher_id", Types.StringType.get()),
                required(6, "country", Types.StringType.get()),
                required(7, "device", Types.StringType.get()),
                required(8, "impressions", Types.LongType.get(), "distinct impression events (by event_id)"),
                required(9, "clicks", Types.LongType.get(), "distinct click events (by event_id)"),
                required(10, "billable_clicks", Types.LongType.get()),
                required(11, "spend_micros", Types.LongType.get(), "sum of cpc_micros over billable clicks"),
                required(12, "unique_users", Types.LongType.get(), "distinct user_id over impressions and clicks"),
                required(
                        13,
                        "duplicates_removed",
                        Types.LongType.get(),
                        "duplicate_events_removed + double_clicks_removed"),
                required(14, "duplicate_events_removed", Types.LongType.get(), "extra copies of an event_id"),
                required(15, "double_clicks_removed", Types.LongType.get(), "later clicks of an impression_id"),
                required(16, "expired_removed", Types.LongType.get(), "clicks on an expired token"),
                required(17, "no_impression_removed", Types.LongType.get(), "clicks without a recorded impression"),
                required(18, "fraud_removed", Types.LongType.get(), "clicks removed by a fraud rule"),
                required(
                        19,
                        "fraud_removed_by_rule",
                        Types.MapType.ofRequired(22, 23, Types.StringType.get(), Types.LongType.get()),
                        "fraud_removed per rule (the first rule, in configured order, that flagged the click)"),
                required(20, "job_run_id", Types.StringType.get(), "the adclick.job_runs row that wrote this row"),
                optional(21, "raw_snapshot_id", Types.LongType.get(), "the adclick.raw_events snapshot read"));
    }

    private BillingColumns() {}
}
