package io.adclick.batch.truth;

import static java.util.Objects.requireNonNull;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The decisions of one partition, before aggregation.
 *
 * @param clicks every click row of the partition (copies of an event included) with its {@link
 *     DecisionColumns}, {@code event_copy}, {@code first_click_of_impression}, {@code
 *     first_impression_time}, {@code fraud_rules}, {@code decision}, {@code duplicate_of} and {@code
 *     spend_micros}
 * @param impressions the distinct impression events of the partition (one row per {@code event_id}),
 *     with their {@link DecisionColumns}
 * @param fraudFlags one row per distinct click and rule that flagged it: the click's columns plus
 *     {@code rule}, {@code rule_order} and {@code evidence}
 * @param rawInPartition the raw rows of the partition, with their {@link DecisionColumns}
 */
public record DecidedPartition(
        Dataset<Row> clicks, Dataset<Row> impressions, Dataset<Row> fraudFlags, Dataset<Row> rawInPartition) {
    public DecidedPartition {
        requireNonNull(clicks, "clicks is null");
        requireNonNull(impressions, "impressions is null");
        requireNonNull(fraudFlags, "fraudFlags is null");
        requireNonNull(rawInPartition, "rawInPartition is null");
    }
}
