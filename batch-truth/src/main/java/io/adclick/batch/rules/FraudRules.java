package io.adclick.batch.rules;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;

import io.adclick.batch.config.FraudRulesConfig;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The enabled fraud rules in their order of precedence: a click flagged by several rules is
 * removed as {@code fraud:<first rule>}, and every flag is recorded.
 */
public final class FraudRules {
    /** Columns of {@link #flagAll}: one row per flagged click and rule. */
    public static final StructType FLAG_SCHEMA = new StructType()
            .add("event_id", DataTypes.StringType, false)
            .add("rule", DataTypes.StringType, false)
            .add("rule_order", DataTypes.IntegerType, false)
            .add("evidence", DataTypes.StringType, false);

    private final List<FraudRule> rules;

    public FraudRules(List<FraudRule> rules) {
        this.rules = List.copyOf(rules);
        Set<String> names = new HashSet<>();
        for (FraudRule rule : this.rules) {
            if (!rule.name().matches("[a-z][a-z0-9_]*") || !names.add(rule.name())) {
                throw new IllegalArgumentException(
                        "Invalid fraud rule name \"%s\": use a unique lowercase_name".formatted(rule.name()));
            }
        }
    }

    /** The rules {@code config} enables, in the order bot_device, click_rate_per_user, fast_click, ip_burst. */
    public static FraudRules from(FraudRulesConfig config) {
        requireNonNull(config, "config is null");
        List<FraudRule> rules = new ArrayList<>();
        if (config.botDevice().enabled()) {
            rules.add(new BotDeviceRule(config.botDevice().userAgentPattern()));
        }
        if (config.clickRatePerUser().enabled()) {
            rules.add(new ClickRatePerUserRule(config.clickRatePerUser().maxClicksPerMinute()));
        }
        if (config.fastClick().enabled()) {
            rules.add(new FastClickRule(config.fastClick().minDelay()));
        }
        if (config.ipBurst().enabled()) {
            rules.add(new IpBurstRule(
                    config.ipBurst().maxCampaignsPerMinute(), config.ipBurst().trustedIpPrefixes()));
        }
        return new FraudRules(rules);
    }

    /** The names of the rules, in order. */
    public List<String> names() {
        return rules.stream().map(FraudRule::name).toList();
    }

    /** Every flag any rule raises on {@code clicks}, in {@link #FLAG_SCHEMA}. */
    public Dataset<Row> flagAll(Dataset<Row> clicks) {
        Dataset<Row> flags = clicks.sparkSession().createDataFrame(List.of(), FLAG_SCHEMA);
        for (int i = 0; i < rules.size(); i++) {
            FraudRule rule = rules.get(i);
            flags = flags.unionByName(rule.flag(clicks)
                    .select(col("event_id"), lit(rule.name()).as("rule"), lit(i).as("rule_order"), col("evidence")));
        }
        return flags;
    }
}
