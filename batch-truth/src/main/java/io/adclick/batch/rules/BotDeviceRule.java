package io.adclick.batch.rules;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.when;

import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Flags clicks from {@code device=bot} or whose User-Agent matches a bot pattern. */
public final class BotDeviceRule implements FraudRule {
    public static final String NAME = "bot_device";

    private final String userAgentPattern;

    /** @param userAgentPattern a Java regex found anywhere in the User-Agent marks a bot */
    public BotDeviceRule(String userAgentPattern) {
        this.userAgentPattern = requireNonNull(userAgentPattern, "userAgentPattern is null");
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Dataset<Row> flag(Dataset<Row> clicks) {
        Column botDevice = col("device").equalTo("bot");
        Column botAgent = col("user_agent").isNotNull().and(col("user_agent").rlike(userAgentPattern));
        return clicks.filter(botDevice.or(botAgent))
                .select(
                        col("event_id"),
                        when(botDevice, concat(lit("device=bot, user_agent="), coalesce(col("user_agent"), lit(""))))
                                .otherwise(concat(lit("user_agent looks like a bot: "), col("user_agent")))
                                .as("evidence"));
    }
}
