package io.adclick.batch.truth;

import static org.apache.spark.sql.functions.col;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * The {@code raw_events} columns the truth job reads: what the decisions, the fraud rules, {@code
 * click_decisions}, {@code fraud_decisions} and the billing rows need. The wide columns left out
 * ({@code token}, {@code landing_url}, {@code attributes}) are in no output, and every row carried
 * through a shuffle or a cache costs their bytes.
 */
final class DecisionColumns {
    static final List<String> NAMES = List.of(
            "event_type",
            "event_id",
            "event_time",
            "received_at",
            "source",
            "user_id",
            "country",
            "device",
            "token_status",
            "impression_id",
            "advertiser_id",
            "campaign_id",
            "ad_id",
            "publisher_id",
            "cpc_micros",
            "ip",
            "user_agent",
            "raw_file");

    private DecisionColumns() {}

    /** {@code raw} narrowed to {@link #NAMES}, which it must all have. */
    static Dataset<Row> of(Dataset<Row> raw) {
        return raw.select(NAMES.stream().map(name -> col(name)).toArray(Column[]::new));
    }
}
