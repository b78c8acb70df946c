package io.adclick.batch.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Flags every click of a user who made more than {@code maxClicksPerMinute} distinct clicks in one
 * UTC minute. Clicks without a user id are not judged.
 */
public final class ClickRatePerUserRule implements FraudRule {
    public static final String NAME = "click_rate_per_user";

    private final int maxClicksPerMinute;

    public ClickRatePerUserRule(int maxClicksPerMinute) {
        if (maxClicksPerMinute < 1) {
            throw new IllegalArgumentException("Invalid maxClicksPerMinute: " + maxClicksPerMinute);
        }
        this.maxClicksPerMinute = maxClicksPerMinute;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Dataset<Row> flag(Dataset<Row> clicks) {
        return clicks.filter(col("user_id").isNotNull())
                .withColumn("minute", date_trunc("minute", col("event_time")))
                .withColumn("user_clicks", count(lit(1)).over(Window.partitionBy(col("user_id"), col("minute"))))
                .filter(col("user_clicks").gt(maxClicksPerMinute))
                .select(
                        col("event_id"),
                        format_string(
                                        "user %s made %d clicks in the minute from %s (limit %d)",
                                        col("user_id"),
                                        col("user_clicks"),
                                        date_format(col("minute"), "yyyy-MM-dd'T'HH:mm'Z'"),
                                        lit(maxClicksPerMinute))
                                .as("evidence"));
    }
}
