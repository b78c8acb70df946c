package io.adclick.schemas.table;

import static org.apache.iceberg.types.Types.NestedField.optional;
import static org.apache.iceberg.types.Types.NestedField.required;

import java.util.List;
import org.apache.iceberg.PartitionSpec;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;

/**
 * {@code adclick.reconciliation}: the stream's estimate against billing truth per event hour and
 * campaign, with the drift ({@code estimate - truth}) explained by category. Explained amounts
 * are signed contributions to the drift; {@code residual_*} is what no category explains.
 * Partitioned by hour; a reconciliation run replaces its hours atomically. Field ids are
 * stable: never reuse or renumber one.
 */
public final class ReconciliationTable {
    /** Clicks the truth billed that reached the stream after its allowed lateness (negative drift). */
    public static final String LATE = "late";
    /** Clicks without a recorded impression: the stream cannot join, the truth does not bill them. */
    public static final String NO_IMPRESSION = "no_impression";
    /** Duplicates the stream counted because their first copy had left its dedup state (TTL). */
    public static final String DEDUP_EXPIRY = "dedup_expiry";
    /**
     * The stream and the truth took different clicks (or copies) of one impression as its first:
     * the stream the first to arrive of those it saw in time, the truth the first by event time.
     * Plus the click the stream counted, minus the one the truth billed; they cancel unless the two
     * lie in different hours or only one of them had a valid token.
     */
    public static final String FIRST_CLICK_ORDER = "first_click_order";
    /** Prefix of {@code fraud:<rule>}: clicks a fraud rule removed from the truth. */
    public static final String FRAUD_PREFIX = "fraud:";
    /** Category of a row whose residual is above the alert threshold. */
    public static final String UNEXPLAINED = "unexplained";
    /** Category of a row without drift. */
    public static final String NONE = "none";

    /** The categories other than {@code fraud:<rule>}. */
    public static final List<String> CATEGORIES = List.of(LATE, NO_IMPRESSION, DEDUP_EXPIRY, FIRST_CLICK_ORDER);

    public static final Schema SCHEMA = new Schema(
            required(1, "hour", Types.TimestampType.withZone(), "start of the event hour (UTC)"),
            required(2, "advertiser_id", Types.StringType.get()),
            required(3, "campaign_id", Types.StringType.get()),
            required(4, "estimate_clicks", Types.LongType.get(), "billable clicks of the latest rollup revisions"),
            required(5, "truth_clicks", Types.LongType.get(), "billable clicks of billing_hourly"),
            required(6, "drift_clicks", Types.LongType.get(), "estimate_clicks - truth_clicks"),
            required(7, "estimate_spend_micros", Types.LongType.get()),
            required(8, "truth_spend_micros", Types.LongType.get()),
            required(9, "drift_spend_micros", Types.LongType.get()),
            required(
                    10,
                    "explained_clicks",
                    Types.MapType.ofRequired(20, 21, Types.StringType.get(), Types.LongType.get()),
                    "signed contribution to drift_clicks per category"),
            required(
                    11,
                    "explained_spend_micros",
                    Types.MapType.ofRequired(22, 23, Types.StringType.get(), Types.LongType.get()),
                    "signed contribution to drift_spend_micros per category"),
            required(12, "residual_clicks", Types.LongType.get(), "drift no category explains"),
            required(13, "residual_spend_micros", Types.LongType.get()),
            required(14, "category", Types.StringType.get(), "the largest contributor, unexplained, or none"),
            required(15, "alert", Types.BooleanType.get(), "residual above the configured threshold"),
            required(16, "job_run_id", Types.StringType.get()),
            optional(17, "truth_snapshot_id", Types.LongType.get(), "billing_hourly snapshot read"),
            optional(18, "estimate_snapshot_id", Types.LongType.get(), "rollups_minute snapshot read"),
            required(19, "computed_at", Types.TimestampType.withZone()));

    public static final PartitionSpec PARTITION_SPEC =
            PartitionSpec.builderFor(SCHEMA).hour("hour").build();

    private ReconciliationTable() {}
}
