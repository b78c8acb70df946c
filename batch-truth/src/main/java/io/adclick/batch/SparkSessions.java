package io.adclick.batch;

import static java.util.Objects.requireNonNull;

import io.adclick.batch.config.BatchConfig;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;

/** Builds the Spark session of a batch run: local mode unless spark-submit chose a master. */
public final class SparkSessions {
    private SparkSessions() {}

    /** The session for {@code config}; the catalog is registered by {@code TruthTables}. */
    public static SparkSession create(BatchConfig config) {
        requireNonNull(config, "config is null");
        SparkSession.Builder builder = SparkSession.builder().appName("adclick-batch-truth");
        boolean launchedBySubmit = new SparkConf().contains("spark.master");
        String master = launchedBySubmit ? new SparkConf().get("spark.master") : config.sparkMaster();
        if (!launchedBySubmit) {
            builder.master(master);
        }
        if (master.startsWith("local")) {
            builder.config("spark.ui.enabled", "false")
                    .config("spark.driver.bindAddress", "127.0.0.1")
                    .config("spark.driver.host", "127.0.0.1");
        }
        return builder.config("spark.sql.session.timeZone", "UTC")
                .config("spark.sql.extensions", "org.apache.iceberg.spark.extensions.IcebergSparkSessionExtensions")
                .config("spark.sql.shuffle.partitions", Integer.toString(config.shufflePartitions()))
                .config("spark.sql.adaptive.enabled", "true")
                // A rank limit (row_number() = 1) would sort every row before the shuffle to drop
                // rows early; our keys (event_id, impression_id) are nearly unique, so it drops
                // almost none and the sort after the shuffle is the only one needed.
                .config("spark.sql.optimizer.windowGroupLimitThreshold", "-1")
                .getOrCreate();
    }
}
