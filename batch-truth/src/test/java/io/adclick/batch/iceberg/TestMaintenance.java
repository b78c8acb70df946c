package io.adclick.batch.iceberg;

import static io.adclick.batch.RawEvents.click;
import static io.adclick.batch.RawEvents.impression;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.batch.RawEvents;
import io.adclick.batch.SharedSpark;
import io.adclick.batch.config.BatchSettings;
import io.adclick.batch.run.JobRun;
import io.adclick.batch.truth.TruthJob;
import io.adclick.batch.truth.TruthPartition;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.table.RawEventsTable;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.spark.sql.catalyst.analysis.NoSuchTableException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * One maintenance pass over a raw hour written in many small commits and billed once: small files
 * are compacted, rows past the retention are deleted, and old snapshots are expired except the one
 * the job run read, which stays readable so the run can be reproduced.
 */
class TestMaintenance {
    private static final Instant T10 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant ANCIENT = Instant.parse("2024-01-10T08:00:00Z");
    private static final Clock NOW = Clock.fixed(Instant.parse("2026-11-26T12:00:00Z"), ZoneOffset.UTC);

    private static TruthTables tables;
    private static JobRun billedRun;
    private static long snapshotsBefore;
    private static List<Maintenance.Report> reports;
    private static long invoicedSnapshot;

    @BeforeAll
    static void billAnHourWrittenInSmallCommitsThenMaintain() {
        tables = SharedSpark.newTables();
        tables.createMissing();
        tables.icebergCatalog()
                .createTable(
                        AdclickTables.RAW_EVENTS,
                        RawEventsTable.SCHEMA,
                        RawEventsTable.PARTITION_SPEC,
                        Map.of(
                                TruthTables.DATA_RETENTION_DAYS,
                                "730",
                                "history.expire.max-snapshot-age-ms",
                                "1",
                                "history.expire.min-snapshots-to-keep",
                                "1"));
        append(impression("old", ANCIENT), click("k-old", "old", ANCIENT.plusSeconds(5)));
        for (int i = 0; i < 4; i++) {
            append(
                    impression("i" + i, T10.plusSeconds(60L * i)),
                    click("k" + i, "i" + i, T10.plusSeconds(60L * i + 9)));
        }
        billedRun = new TruthJob(tables, BatchSettings.defaults().truth(), "test", Clock.systemUTC())
                .run(TruthPartition.hour("2026-11-23T10"));
        append(impression("i9", T10.plusSeconds(900)));
        snapshotsBefore = snapshots(rawEvents());
        invoicedSnapshot = billDayTwiceAndInvoiceTheFirst();

        reports = new Maintenance(tables, NOW).run();
    }

    @Test
    void compactsTheSmallFilesOfAnHourIntoOne() {
        long filesInHour = tables.spark()
                .sql("SELECT count(*) FROM %s.files WHERE partition.event_time_hour = %d"
                        .formatted(tables.sqlName(AdclickTables.RAW_EVENTS), T10.getEpochSecond() / 3600))
                .first()
                .getLong(0);

        assertThat(filesInHour).isEqualTo(1);
        assertThat(reports).anySatisfy(report -> assertThat(report.action()).isEqualTo("rewrite_data_files"));
    }

    @Test
    void deletesRowsOlderThanTheRetentionAndKeepsTheRest() {
        List<String> ids = tables.spark()
                .sql("SELECT event_id FROM %s ORDER BY event_id".formatted(tables.sqlName(AdclickTables.RAW_EVENTS)))
                .as(org.apache.spark.sql.Encoders.STRING())
                .collectAsList();

        assertThat(ids).containsExactly("imp:i0", "imp:i1", "imp:i2", "imp:i3", "imp:i9", "k0", "k1", "k2", "k3");
    }

    @Test
    void expiresOldSnapshotsButKeepsTheOneAJobRunRead() {
        Table raw = rawEvents();
        long readByRun = billedRun.rawSnapshotId();

        assertThat(snapshots(raw)).isLessThan(snapshotsBefore);
        assertThat(raw.snapshot(readByRun)).isNotNull();
        assertThat(raw.refs()).containsKey("job-run-" + readByRun);
        long rowsAsTheRunSawThem = tables.spark()
                .sql("SELECT count(*) FROM %s VERSION AS OF %d"
                        .formatted(tables.sqlName(AdclickTables.RAW_EVENTS), readByRun))
                .first()
                .getLong(0);
        assertThat(rowsAsTheRunSawThem).isEqualTo(10);
    }

    @Test
    void keepsTheBillingSnapshotAnInvoiceWasComputedFrom() {
        Table daily = tables.load(AdclickTables.BILLING_DAILY);

        assertThat(daily.snapshot(invoicedSnapshot)).isNotNull();
        assertThat(daily.refs()).containsKey("invoice-" + invoicedSnapshot);
        assertThat(tables.spark()
                        .sql("SELECT count(*) FROM %s VERSION AS OF %d"
                                .formatted(tables.sqlName(AdclickTables.BILLING_DAILY), invoicedSnapshot))
                        .first()
                        .getLong(0))
                .isPositive();
    }

    /** Two billing_daily snapshots that expire at once, and an invoice computed from the first; returns it. */
    private static long billDayTwiceAndInvoiceTheFirst() {
        tables.load(AdclickTables.BILLING_DAILY)
                .updateProperties()
                .set("history.expire.max-snapshot-age-ms", "1")
                .set("history.expire.min-snapshots-to-keep", "1")
                .commit();
        org.apache.spark.sql.Dataset<org.apache.spark.sql.Row> daily = tables.spark()
                .table(tables.sqlName(AdclickTables.BILLING_HOURLY))
                .withColumn("day", org.apache.spark.sql.functions.to_date(org.apache.spark.sql.functions.col("hour")))
                .selectExpr(io.adclick.schemas.table.BillingDailyTable.SCHEMA.columns().stream()
                        .map(org.apache.iceberg.types.Types.NestedField::name)
                        .toArray(String[]::new));
        try {
            daily.writeTo(tables.sqlName(AdclickTables.BILLING_DAILY)).append();
            long invoiced =
                    tables.load(AdclickTables.BILLING_DAILY).currentSnapshot().snapshotId();
            daily.writeTo(tables.sqlName(AdclickTables.BILLING_DAILY)).append();
            tables.icebergCatalog()
                    .createTable(
                            AdclickTables.INVOICES,
                            io.adclick.schemas.table.InvoicesTable.SCHEMA,
                            io.adclick.schemas.table.InvoicesTable.PARTITION_SPEC);
            tables.spark()
                    .createDataFrame(
                            List.of(org.apache.spark.sql.RowFactory.create(
                                    "INV-202611-adv1-v1",
                                    1,
                                    null,
                                    "adv1",
                                    "2026-11",
                                    invoiced,
                                    java.sql.Timestamp.from(T10.plusSeconds(7_200)),
                                    "INV-202611-adv1-v1-L001",
                                    "c1",
                                    4L,
                                    1_000_000L)),
                            org.apache.iceberg.spark.SparkSchemaUtil.convert(
                                    io.adclick.schemas.table.InvoicesTable.SCHEMA))
                    .writeTo(tables.sqlName(AdclickTables.INVOICES))
                    .append();
            return invoiced;
        } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new AssertionError(e);
        }
    }

    private static Table rawEvents() {
        Table table = tables.load(AdclickTables.RAW_EVENTS);
        table.refresh();
        return table;
    }

    private static long snapshots(Table table) {
        return StreamSupport.stream(table.snapshots().spliterator(), false)
                .map(Snapshot::snapshotId)
                .count();
    }

    private static void append(RawEvents.Event... events) {
        try {
            new RawEvents()
                    .add(events)
                    .toDataFrame()
                    .writeTo(tables.sqlName(AdclickTables.RAW_EVENTS))
                    .append();
        } catch (NoSuchTableException e) {
            throw new AssertionError(e);
        }
    }
}
