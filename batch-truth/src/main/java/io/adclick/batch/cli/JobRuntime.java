package io.adclick.batch.cli;

import io.adclick.batch.SparkSessions;
import io.adclick.batch.config.BatchConfig;
import io.adclick.batch.iceberg.TruthTables;
import io.adclick.batch.run.CodeVersion;
import io.adclick.batch.truth.TruthJob;
import java.time.Clock;
import org.apache.spark.sql.SparkSession;

/** The Spark session, tables and job of one command; stops Spark when closed. */
final class JobRuntime implements AutoCloseable {
    final BatchConfig config;
    final SparkSession spark;
    final TruthTables tables;
    final TruthJob job;

    JobRuntime(BatchConfig config) {
        this.config = config;
        this.spark = SparkSessions.create(config);
        this.tables = new TruthTables(spark, config.catalog());
        this.job = new TruthJob(tables, config.truth(), CodeVersion.current(), Clock.systemUTC());
    }

    @Override
    public void close() {
        spark.stop();
    }
}
