package io.adclick.batch.rules;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A named fraud rule. It sees the distinct clicks of one partition (one row per {@code event_id})
 * with the raw event's columns the truth job reads ({@code event_id}, the times, {@code source},
 * {@code user_id}, the dimensions, {@code token_status}, {@code impression_id}, {@code cpc_micros},
 * {@code ip} and {@code user_agent}; not the token, landing URL or attributes) plus {@code
 * first_impression_time} (null when the impression is not recorded), and answers the clicks it
 * flags.
 */
public interface FraudRule {
    /** The rule's name as recorded in decisions, e.g. {@code bot_device}: lowercase and underscores. */
    String name();

    /**
     * The flagged clicks of {@code clicks}: columns {@code event_id} and {@code evidence} (why, in
     * words and numbers an auditor can check), at most one row per event.
     */
    Dataset<Row> flag(Dataset<Row> clicks);
}
