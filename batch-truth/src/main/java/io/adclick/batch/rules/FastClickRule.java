package io.adclick.batch.rules;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.unix_micros;

import java.time.Duration;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Flags clicks that come less than {@code minDelay} after their first recorded impression (or
 * before it): faster than a human can see an ad and click it. Clicks without a recorded impression
 * are not judged (they are not billable anyway).
 */
public final class FastClickRule implements FraudRule {
    public static final String NAME = "fast_click";

    private final Duration minDelay;

    public FastClickRule(Duration minDelay) {
        this.minDelay = requireNonNull(minDelay, "minDelay is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Dataset<Row> flag(Dataset<Row> clicks) {
        Column delayMicros = unix_micros(col("event_time")).minus(unix_micros(col("first_impression_time")));
        long minMicros = minDelay.toNanos() / 1_000;
        return clicks.filter(col("first_impression_time").isNotNull())
                .withColumn("delay_micros", delayMicros)
                .filter(col("delay_micros").lt(minMicros))
                .select(
                        col("event_id"),
                        format_string(
                                        "clicked %.3f ms after its impression (minimum %d ms)",
                                        col("delay_micros").divide(1000.0), lit(minDelay.toMillis()))
                                .as("evidence"));
    }
}
