package io.adclick.batch;

import io.adclick.batch.config.BatchSettings;
import io.adclick.batch.config.CatalogConfig;
import io.adclick.batch.iceberg.TruthTables;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.sql.SparkSession;

/**
 * One local Spark session for every test class of the JVM (starting Spark costs seconds), and
 * fresh Iceberg Hadoop catalogs in temporary directories.
 */
public final class SharedSpark {
    private static final AtomicInteger CATALOGS = new AtomicInteger();
    private static SparkSession session;

    private SharedSpark() {}

    /** The session: local[2], no UI, loopback, two shuffle partitions, UTC. */
    public static synchronized SparkSession session() {
        if (session == null) {
            session = SparkSessions.create(
                    BatchSettings.resolve(Map.of(BatchSettings.SHUFFLE_PARTITIONS.key(), "2"), Map.of()));
            session.sparkContext().setLogLevel("ERROR");
            Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
        }
        return session;
    }

    /** A new, empty Hadoop catalog in a temporary directory. */
    public static CatalogConfig newHadoopCatalog() {
        try {
            Path warehouse = Files.createTempDirectory("adclick-warehouse-");
            return new CatalogConfig(
                    "test_" + CATALOGS.incrementAndGet(),
                    CatalogConfig.HADOOP,
                    "",
                    warehouse.toUri().toString(),
                    null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The tables of a new, empty Hadoop catalog. */
    public static TruthTables newTables() {
        return new TruthTables(session(), newHadoopCatalog());
    }
}
