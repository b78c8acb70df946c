package io.adclick.batch.truth;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.first;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sort_array;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import io.adclick.batch.rules.FraudRules;
import io.adclick.schemas.table.ClickDecisions;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.Arrays;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.expressions.WindowSpec;
import org.apache.spark.sql.types.DataTypes;

/**
 * Decides every click of a partition (CONTRACT section 4): a later copy of an {@code event_id} is a
 * {@code duplicate_event}; then a token that is not valid is {@code expired_token}; a later click
 * of an {@code impression_id} is a {@code duplicate_impression}; a click whose impression is not
 * recorded is {@code no_impression}; a click a fraud rule flags is {@code fraud:<rule>}; the rest
 * is {@code billable}. "First" is by {@code event_time}, then {@code received_at}, then {@code
 * event_id}, so a rerun decides identically.
 */
public final class ClickDecider {
    private final Duration lookback;
    private final Duration lookahead;
    private final FraudRules fraudRules;

    /**
     * @param lookback earlier clicks and impressions this long before the partition count
     * @param lookahead impressions this long after the partition count
     */
    public ClickDecider(Duration lookback, Duration lookahead, FraudRules fraudRules) {
        this.lookback = requireNonNull(lookback, "lookback is null");
        this.lookahead = requireNonNull(lookahead, "lookahead is null");
        this.fraudRules = requireNonNull(fraudRules, "fraudRules is null");
    }

    /** The range of raw events {@link #decide} needs for {@code partition}: {@code [from, to)}. */
    public Timestamp[] inputRange(TruthPartition partition) {
        return new Timestamp[] {
            Timestamp.from(partition.start().minus(lookback)),
            Timestamp.from(partition.end().plus(lookahead))
        };
    }

    /**
     * Decides the clicks of {@code partition} from {@code raw}, the raw events of (at least) {@link
     * #inputRange}, of which only the {@link DecisionColumns} are read. An optional {@code raw_file}
     * column is carried into the decisions.
     */
    public DecidedPartition decide(Dataset<Row> raw, TruthPartition partition) {
        Timestamp[] range = inputRange(partition);
        Column inPartition = inRange(partition);
        Dataset<Row> withFile = Arrays.asList(raw.columns()).contains("raw_file")
                ? raw
                : raw.withColumn("raw_file", lit(null).cast(DataTypes.StringType));
        Dataset<Row> input = DecisionColumns.of(withFile)
                .filter(col("event_time")
                        .geq(lit(range[0]))
                        .and(col("event_time").lt(lit(range[1]))));

        Dataset<Row> clicks = input.filter(col("event_type")
                        .equalTo("click")
                        .and(col("event_time").lt(lit(Timestamp.from(partition.end())))))
                .withColumn("event_copy", row_number().over(firstBy(col("event_id"))));
        Dataset<Row> firstClicks = clicks.filter(col("event_copy").equalTo(1))
                .withColumn("first_click_of_impression", first(col("event_id")).over(firstBy(col("impression_id"))))
                .select("event_id", "first_click_of_impression");
        Dataset<Row> partitionClicks = clicks.filter(inPartition)
                .join(firstClicks, "event_id")
                .join(firstImpressionOfClicked(input, inPartition), new String[] {"impression_id"}, "left");
        Dataset<Row> distinctClicks = partitionClicks.filter(col("event_copy").equalTo(1));
        Dataset<Row> flags = fraudRules.flagAll(distinctClicks);
        Dataset<Row> flagsPerClick = flags.groupBy("event_id")
                .agg(sort_array(collect_list(struct(col("rule_order"), col("rule"))))
                        .getField("rule")
                        .as("fraud_rules"));

        Dataset<Row> decided = partitionClicks
                .join(flagsPerClick, new String[] {"event_id"}, "left")
                .withColumn("fraud_rules", coalesce(col("fraud_rules"), array().cast("array<string>")))
                .withColumn("decision", decision())
                .withColumn(
                        "duplicate_of",
                        when(col("decision").equalTo(ClickDecisions.DUPLICATE_EVENT), col("event_id"))
                                .when(
                                        col("decision").equalTo(ClickDecisions.DUPLICATE_IMPRESSION),
                                        col("first_click_of_impression")))
                .withColumn(
                        "spend_micros",
                        when(col("decision").equalTo(ClickDecisions.BILLABLE), col("cpc_micros"))
                                .otherwise(lit(0L))
                                .cast(DataTypes.LongType));

        Dataset<Row> impressions = input.filter(
                        col("event_type").equalTo("impression").and(inPartition))
                // The hash leads so that the sort under the window compares a well-spread 8-byte
                // prefix instead of the ids' shared first characters ("imp:"); no join follows
                // that could have reused a partitioning by event_id alone.
                .withColumn("event_copy", row_number().over(firstBy(xxhash64(col("event_id")), col("event_id"))))
                .filter(col("event_copy").equalTo(1))
                .drop("event_copy");
        Dataset<Row> distinctDecided = decided.filter(col("event_copy").equalTo(1));
        Dataset<Row> fraudDecisions = fraudRules.flagAll(distinctDecided).join(distinctDecided, "event_id");
        return new DecidedPartition(decided, impressions, fraudDecisions, input.filter(inPartition));
    }

    /**
     * For each {@code impression_id} a click of the partition refers to, the {@code event_time} of
     * its first impression in {@code input} ({@code first_impression_time}; no row: not recorded).
     * Impressions and the partition's clicks meet in one hash aggregation on three narrow columns,
     * so no impression row is sorted or joined; only the clicked impressions are joined to clicks.
     */
    private static Dataset<Row> firstImpressionOfClicked(Dataset<Row> input, Column inPartition) {
        Column isImpression = col("event_type").equalTo("impression");
        Column isPartitionClick = col("event_type").equalTo("click").and(inPartition);
        return input.filter(isImpression.or(isPartitionClick))
                .select(
                        col("impression_id"),
                        when(isImpression, col("event_time")).as("impression_time"),
                        isPartitionClick.as("clicked"))
                .groupBy("impression_id")
                .agg(
                        max(col("clicked")).as("clicked"),
                        min(col("impression_time")).as("first_impression_time"))
                .filter(col("clicked"))
                .select("impression_id", "first_impression_time");
    }

    private static Column decision() {
        return when(col("event_copy").gt(1), lit(ClickDecisions.DUPLICATE_EVENT))
                .when(col("token_status").notEqual("valid"), lit(ClickDecisions.EXPIRED_TOKEN))
                .when(
                        col("event_id").notEqual(col("first_click_of_impression")),
                        lit(ClickDecisions.DUPLICATE_IMPRESSION))
                .when(col("first_impression_time").isNull(), lit(ClickDecisions.NO_IMPRESSION))
                .when(
                        size(col("fraud_rules")).gt(0),
                        concat(
                                lit(ClickDecisions.FRAUD_PREFIX),
                                col("fraud_rules").getItem(0)))
                .otherwise(lit(ClickDecisions.BILLABLE));
    }

    /** Rows of one {@code keys} value, the first one first. */
    private static WindowSpec firstBy(Column... keys) {
        return Window.partitionBy(keys)
                .orderBy(
                        col("event_time"),
                        col("received_at"),
                        col("event_id"),
                        col("source"),
                        coalesce(col("ip"), lit("")),
                        coalesce(col("user_agent"), lit("")));
    }

    private static Column inRange(TruthPartition partition) {
        return col("event_time")
                .geq(lit(Timestamp.from(partition.start())))
                .and(col("event_time").lt(lit(Timestamp.from(partition.end()))));
    }
}
