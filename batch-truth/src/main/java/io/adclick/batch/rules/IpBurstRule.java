package io.adclick.batch.rules;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_set;
import static org.apache.spark.sql.functions.date_format;
import static org.apache.spark.sql.functions.date_trunc;
import static org.apache.spark.sql.functions.format_string;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;

import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Flags every click of an IP address that clicked ads of more than {@code maxCampaignsPerMinute}
 * campaigns in one UTC minute. Clicks without an IP, or from a trusted prefix (our own proxies and
 * load balancers, loopback in the embedded stack), are not judged.
 */
public final class IpBurstRule implements FraudRule {
    public static final String NAME = "ip_burst";

    private final int maxCampaignsPerMinute;
    private final List<String> trustedIpPrefixes;

    public IpBurstRule(int maxCampaignsPerMinute, List<String> trustedIpPrefixes) {
        if (maxCampaignsPerMinute < 1) {
            throw new IllegalArgumentException("Invalid maxCampaignsPerMinute: " + maxCampaignsPerMinute);
        }
        this.maxCampaignsPerMinute = maxCampaignsPerMinute;
        this.trustedIpPrefixes = List.copyOf(trustedIpPrefixes);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Dataset<Row> flag(Dataset<Row> clicks) {
        Column judged = col("ip").isNotNull();
        for (String prefix : trustedIpPrefixes) {
            judged = judged.and(col("ip").startsWith(prefix).unary_$bang());
        }
        return clicks.filter(judged)
                .withColumn("minute", date_trunc("minute", col("event_time")))
                .withColumn(
                        "ip_campaigns",
                        size(collect_set(col("campaign_id")).over(Window.partitionBy(col("ip"), col("minute")))))
                .filter(col("ip_campaigns").gt(maxCampaignsPerMinute))
                .select(
                        col("event_id"),
                        format_string(
                                        "ip %s clicked ads of %d campaigns in the minute from %s (limit %d)",
                                        col("ip"),
                                        col("ip_campaigns"),
                                        date_format(col("minute"), "yyyy-MM-dd'T'HH:mm'Z'"),
                                        lit(maxCampaignsPerMinute))
                                .as("evidence"));
    }
}
