package io.adclick.batch.truth;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.count_distinct;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map_from_entries;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.substring_index;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.to_date;
import static org.apache.spark.sql.functions.when;

import io.adclick.schemas.table.BillingColumns;
import io.adclick.schemas.table.BillingDailyTable;
import io.adclick.schemas.table.BillingHourlyTable;
import io.adclick.schemas.table.ClickDecisions;
import java.util.ArrayList;
import java.util.List;
import org.apache.iceberg.Schema;
import org.apache.iceberg.types.Types;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;

/**
 * Aggregates a {@link DecidedPartition} into billing rows, per hour ({@code billing_hourly}) or per
 * day ({@code billing_daily}), one row per bucket and dimensions, columns in table order.
 */
public final class BillingAggregator {
    private BillingAggregator() {}

    /** The {@code billing_hourly} rows of {@code decided}. */
    public static Dataset<Row> hourly(DecidedPartition decided, Lineage lineage) {
        return aggregate(decided, date_trunc("hour", col("event_time")).as("hour"), "hour", lineage)
                .select(columnsOf(BillingHourlyTable.SCHEMA));
    }

    /** The {@code billing_daily} rows of {@code decided} (UTC days: the session time zone is UTC). */
    public static Dataset<Row> daily(DecidedPartition decided, Lineage lineage) {
        return aggregate(decided, to_date(col("event_time")).as("day"), "day", lineage)
                .select(columnsOf(BillingDailyTable.SCHEMA));
    }

    private static Dataset<Row> aggregate(DecidedPartition decided, Column bucket, String bucketName, Lineage lineage) {
        requireNonNull(lineage, "lineage is null");
        List<Column> keys = new ArrayList<>();
        keys.add(col(bucketName));
        BillingColumns.DIMENSIONS.forEach(dimension -> keys.add(col(dimension)));
        List<Column> factColumns = new ArrayList<>();
        factColumns.add(bucket);
        BillingColumns.DIMENSIONS.forEach(dimension -> factColumns.add(col(dimension)));
        factColumns.add(col("user_id"));

        Dataset<Row> impressionFacts = decided.impressions()
                .select(plus(
                        factColumns, lit(null).cast(DataTypes.StringType).as("decision"), lit(0L).as("spend_micros")));
        Dataset<Row> clickFacts = decided.clicks().select(plus(factColumns, col("decision"), col("spend_micros")));
        Dataset<Row> facts = impressionFacts.unionByName(clickFacts);

        Column isImpression = col("decision").isNull();
        Column isFraud = col("decision").startsWith(ClickDecisions.FRAUD_PREFIX);
        Dataset<Row> totals = facts.groupBy(keys.toArray(Column[]::new))
                .agg(
                        countIf(isImpression).as("impressions"),
                        countIf(col("decision")
                                        .isNotNull()
                                        .and(col("decision").notEqual(ClickDecisions.DUPLICATE_EVENT)))
                                .as("clicks"),
                        countIf(col("decision").equalTo(ClickDecisions.BILLABLE))
                                .as("billable_clicks"),
                        sum(col("spend_micros")).cast(DataTypes.LongType).as("spend_micros"),
                        count_distinct(col("user_id")).cast(DataTypes.LongType).as("unique_users"),
                        countIf(col("decision")
                                        .isin(ClickDecisions.DUPLICATE_EVENT, ClickDecisions.DUPLICATE_IMPRESSION))
                                .as("duplicates_removed"),
                        countIf(col("decision").equalTo(ClickDecisions.DUPLICATE_EVENT))
                                .as("duplicate_events_removed"),
                        countIf(col("decision").equalTo(ClickDecisions.DUPLICATE_IMPRESSION))
                                .as("double_clicks_removed"),
                        countIf(col("decision").equalTo(ClickDecisions.EXPIRED_TOKEN))
                                .as("expired_removed"),
                        countIf(col("decision").equalTo(ClickDecisions.NO_IMPRESSION))
                                .as("no_impression_removed"),
                        countIf(isFraud).as("fraud_removed"));
        Dataset<Row> byRule = facts.filter(isFraud)
                .withColumn("rule", substring_index(col("decision"), ":", -1))
                .groupBy(plus(keys, col("rule")))
                .agg(count(lit(1)).as("removed"))
                .groupBy(keys.toArray(Column[]::new))
                .agg(map_from_entries(sort_array(collect_list(struct(col("rule"), col("removed")))))
                        .as("fraud_removed_by_rule"));

        List<String> keyNames = new ArrayList<>();
        keyNames.add(bucketName);
        keyNames.addAll(BillingColumns.DIMENSIONS);
        return totals.join(byRule, keyNames.toArray(String[]::new), "left")
                .withColumn(
                        "fraud_removed_by_rule",
                        coalesce(col("fraud_removed_by_rule"), expr("cast(map() as map<string, bigint>)")))
                .withColumn("job_run_id", lit(lineage.jobRunId()))
                .withColumn("raw_snapshot_id", lit(lineage.rawSnapshotId()).cast(DataTypes.LongType));
    }

    private static Column countIf(Column condition) {
        return sum(when(condition, 1L).otherwise(0L)).cast(DataTypes.LongType);
    }

    private static Column[] plus(List<Column> columns, Column... more) {
        List<Column> all = new ArrayList<>(columns);
        all.addAll(List.of(more));
        return all.toArray(Column[]::new);
    }

    static Column[] columnsOf(Schema schema) {
        return schema.columns().stream()
                .map(Types.NestedField::name)
                .map(name -> col(name))
                .toArray(Column[]::new);
    }
}
