package io.adclick.batch.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.adclick.batch.RawEvents;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Rule inputs: clicks with their first impression time, and the flags a rule answers as a map. */
final class RuleInputs {
    private RuleInputs() {}

    /** {@code clicks} as a rule sees them, none with a recorded impression. */
    static Dataset<Row> clicks(RawEvents.Event... clicks) {
        return new RawEvents()
                .add(clicks)
                .toDataFrame()
                .withColumn("first_impression_time", lit(null).cast("timestamp"));
    }

    /** {@code clicks} whose impressions were recorded at {@code impressionTimes} (by impression id). */
    static Dataset<Row> clicks(Map<String, Instant> impressionTimes, RawEvents.Event... clicks) {
        Column time = lit(null).cast("timestamp");
        for (Map.Entry<String, Instant> entry : impressionTimes.entrySet()) {
            time = org.apache
                    .spark
                    .sql
                    .functions
                    .when(col("impression_id").equalTo(entry.getKey()), lit(Timestamp.from(entry.getValue())))
                    .otherwise(time);
        }
        return new RawEvents().add(clicks).toDataFrame().withColumn("first_impression_time", time);
    }

    /** event_id to evidence of the flags. */
    static Map<String, String> flags(FraudRule rule, Dataset<Row> clicks) {
        List<Row> rows = rule.flag(clicks).select("event_id", "evidence").collectAsList();
        Map<String, String> flags = new TreeMap<>();
        rows.forEach(row -> flags.put(row.getString(0), row.getString(1)));
        return flags;
    }
}
