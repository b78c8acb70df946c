package io.adclick.batch.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.element_at;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.map;
import static org.apache.spark.sql.functions.map_entries;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;
import static org.apache.spark.sql.functions.xxhash64;

import com.sun.management.OperatingSystemMXBean;
import io.adclick.batch.SparkSessions;
import io.adclick.batch.config.BatchConfig;
import io.adclick.batch.config.BatchSettings;
import io.adclick.batch.config.CatalogConfig;
import io.adclick.batch.iceberg.TruthTables;
import io.adclick.batch.run.JobRun;
import io.adclick.batch.truth.TruthJob;
import io.adclick.batch.truth.TruthPartition;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.table.RawEventsTable;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.MapType;

/**
 * Hourly truth job throughput: writes a synthetic hour of raw events (85% impressions, 15% clicks
 * with transport duplicates, double clicks, expired tokens, clicks without impression and bots)
 * into {@code raw_events} of an Iceberg Hadoop catalog in a temporary directory, then runs the
 * hourly job on it twice (cold, then warm) and prints raw rows per second and per CPU-second and
 * the process's peak memory.
 *
 * <p>Usage: {@code HourlyTruthBenchmark [ROWS=5000000]}; run it with the Spark JVM options of
 * {@code batch-truth} and nothing else running on the machine.
 */
public final class HourlyTruthBenchmark {
    private static final Instant HOUR = Instant.parse("2026-11-23T10:00:00Z");

    /** Columns that differ between two runs on the same rows: ids, snapshots and file paths. */
    private static final List<String> PER_RUN_COLUMNS = List.of("job_run_id", "raw_snapshot_id", "raw_file");

    private HourlyTruthBenchmark() {}

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 5_000_000L;
        Path warehouse = Files.createTempDirectory("adclick-bench-warehouse-");
        BatchConfig config = BatchSettings.resolve(Map.of(), System.getenv())
                .withCatalog(new CatalogConfig(
                        "bench", CatalogConfig.HADOOP, "", warehouse.toUri().toString(), null));
        SparkSession spark = SparkSessions.create(config);
        spark.sparkContext().setLogLevel("WARN");
        TruthTables tables = new TruthTables(spark, config.catalog());
        tables.createMissing();
        tables.icebergCatalog()
                .createTable(AdclickTables.RAW_EVENTS, RawEventsTable.SCHEMA, RawEventsTable.PARTITION_SPEC);

        // element_at() is nullable in Spark's eyes although every index here exists.
        spark.conf().set("spark.sql.iceberg.check-nullability", "false");
        long writeStart = System.nanoTime();
        syntheticHour(spark, rows)
                .sortWithinPartitions("event_time")
                .writeTo(tables.sqlName(AdclickTables.RAW_EVENTS))
                .append();
        System.out.printf(
                "wrote %,d raw rows for %s in %.1f s (%s)%n",
                rows, HOUR, (System.nanoTime() - writeStart) / 1e9, warehouse);

        TruthJob job = new TruthJob(tables, config.truth(), "benchmark", Clock.systemUTC());
        TruthPartition partition = TruthPartition.hour("2026-11-23T10");
        for (String round : new String[] {"cold", "warm"}) {
            double cpuBefore = processCpuSeconds();
            long start = System.nanoTime();
            JobRun run = job.run(partition);
            double seconds = (System.nanoTime() - start) / 1e9;
            double cpu = processCpuSeconds() - cpuBefore;
            long rowsIn = run.counts().rowsIn();
            System.out.printf(
                    "%s run: %,d raw rows in (incl. lookback) -> %,d billing rows in %.1f s = %,.0f rows/s; "
                            + "%.1f CPU-s (%.2f cores) = %,.0f rows per CPU-second; %,d billable clicks%n",
                    round,
                    rowsIn,
                    run.counts().rowsOut(),
                    seconds,
                    rowsIn / seconds,
                    cpu,
                    cpu / seconds,
                    rowsIn / cpu,
                    run.counts().billableClicks());
            System.out.printf("%s run counts: %s%n", round, run.counts());
        }
        printChecksums(spark, tables);
        System.out.printf(
                "peak RSS of this JVM (driver + local executors): %.0f MiB, heap max %d MiB%n",
                peakRssMiB(), Runtime.getRuntime().maxMemory() >> 20);
        spark.stop();
    }

    /** One hour of raw events; row {@code i} is deterministic, so runs are comparable. */
    static Dataset<Row> syntheticHour(SparkSession spark, long rows) {
        Column i = col("id");
        Column block = i.minus(i.mod(100));
        Column isClick = i.mod(100).geq(85);
        Column clickOf = block.plus(i.mod(100).minus(85).mod(10));
        Column impressionIndex = when(
                        isClick, when(i.mod(100).equalTo(99), lit(-1L)).otherwise(clickOf))
                .otherwise(i);
        Column campaign = impressionIndex.mod(1000);
        Column eventTime = expr("timestamp_millis(" + HOUR.toEpochMilli() + " + (id * 3600000 div " + rows + "))");
        Column device = when(i.mod(1000).equalTo(7), lit("bot"))
                .otherwise(element_at(
                        expr("array('mobile','desktop','tablet','ctv')"),
                        i.mod(4).plus(1).cast("int")));
        return spark.range(rows)
                .select(
                        lit(1).as("schema_version"),
                        when(isClick, lit("click")).otherwise(lit("impression")).as("event_type"),
                        when(
                                        isClick,
                                        concat(
                                                lit("clk-"),
                                                when(i.mod(500).equalTo(86), i.minus(1))
                                                        .otherwise(i)
                                                        .cast("string")))
                                .otherwise(concat(lit("imp:i-"), i.cast("string")))
                                .as("event_id"),
                        eventTime.as("event_time"),
                        eventTime.plus(expr("interval 150 milliseconds")).as("received_at"),
                        when(isClick, lit("redirect")).otherwise(lit("pixel")).as("source"),
                        concat(lit("u-"), impressionIndex.mod(200_000).cast("string"))
                                .as("user_id"),
                        element_at(
                                        expr("array('US','DE','FR','GB','BR','IN','JP')"),
                                        i.mod(7).plus(1).cast("int"))
                                .as("country"),
                        device.as("device"),
                        map(lit("placement"), lit("feed")).as("attributes"),
                        concat(lit("tok-"), impressionIndex.cast("string")).as("token"),
                        lit("dev").as("token_kid"),
                        when(i.mod(1000).equalTo(95), lit("expired"))
                                .otherwise(lit("valid"))
                                .as("token_status"),
                        concat(lit("i-"), impressionIndex.cast("string")).as("impression_id"),
                        concat(lit("adv-"), campaign.divide(50).cast("int").cast("string"))
                                .as("advertiser_id"),
                        concat(lit("cmp-"), campaign.cast("string")).as("campaign_id"),
                        concat(
                                        lit("ad-"),
                                        campaign.cast("string"),
                                        lit("-"),
                                        impressionIndex.mod(3).cast("string"))
                                .as("ad_id"),
                        concat(lit("pub-"), impressionIndex.mod(300).cast("string"))
                                .as("publisher_id"),
                        lit(10_000L)
                                .plus(campaign.multiply(100L))
                                .cast("bigint")
                                .as("cpc_micros"),
                        lit("https://landing.example/c").as("landing_url"),
                        lit(java.sql.Timestamp.from(HOUR.minusSeconds(1800))).as("token_issued_at"),
                        concat(
                                        lit("198.51."),
                                        i.mod(250).cast("string"),
                                        lit("."),
                                        i.mod(200).cast("string"))
                                .as("ip"),
                        lit("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) Mobile/15E148")
                                .as("user_agent"));
    }

    /**
     * Prints, per output table, its row count and a checksum of its rows without the {@link
     * #PER_RUN_COLUMNS}, so two versions of the job can be compared beyond the counts.
     */
    private static void printChecksums(SparkSession spark, TruthTables tables) {
        for (TableIdentifier table :
                List.of(AdclickTables.BILLING_HOURLY, AdclickTables.CLICK_DECISIONS, AdclickTables.FRAUD_DECISIONS)) {
            Dataset<Row> rows = spark.table(tables.sqlName(table)).drop(PER_RUN_COLUMNS.toArray(String[]::new));
            Column[] hashed = Arrays.stream(rows.schema().fields())
                    .map(field ->
                            field.dataType() instanceof MapType ? map_entries(col(field.name())) : col(field.name()))
                    .toArray(Column[]::new);
            Row checksum = rows.agg(
                            count(lit(1)),
                            sum(xxhash64(hashed).cast("decimal(38,0)")).cast("string"))
                    .first();
            System.out.printf("checksum %s: %,d rows, %s%n", table, checksum.getLong(0), checksum.getString(1));
        }
    }

    private static double processCpuSeconds() {
        return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e9;
    }

    private static double peakRssMiB() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
            }
        }
        return Double.NaN;
    }
}
