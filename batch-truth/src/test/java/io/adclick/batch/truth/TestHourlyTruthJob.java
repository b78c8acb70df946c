package io.adclick.batch.truth;

import static io.adclick.batch.RawEvents.click;
import static io.adclick.batch.RawEvents.impression;
import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.batch.RawEvents;
import io.adclick.batch.SharedSpark;
import io.adclick.batch.config.BatchSettings;
import io.adclick.batch.iceberg.TruthTables;
import io.adclick.batch.run.JobRun;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.table.RawEventsTable;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole job against an Iceberg (Hadoop) catalog in a temporary directory: a small raw hour
 * whose billing truth is worked out by hand below.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestHourlyTruthJob {
    private static final TruthPartition HOUR_10 = TruthPartition.hour("2026-11-23T10");
    private static final TruthPartition HOUR_11 = TruthPartition.hour("2026-11-23T11");
    private static final Instant T10 = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant T11 = Instant.parse("2026-11-23T11:00:00Z");

    /** A billing row without its lineage columns. */
    record Billing(
            String bucket,
            String campaign,
            String country,
            String device,
            long impressions,
            long clicks,
            long billable,
            long spendMicros,
            long uniqueUsers,
            long duplicates,
            long duplicateEvents,
            long doubleClicks,
            long expired,
            long noImpression,
            long fraud,
            Map<String, Long> fraudByRule) {}

    private static final Billing HOUR_10_C1_US_MOBILE =
            new Billing("2026-11-23T10:00Z", "c1", "US", "mobile", 2, 4, 1, 250_000, 1, 2, 1, 1, 1, 1, 0, Map.of());
    private static final Billing HOUR_10_C2_DE_MOBILE =
            new Billing("2026-11-23T10:00Z", "c2", "DE", "mobile", 1, 1, 1, 1_234_567, 1, 0, 0, 0, 0, 0, 0, Map.of());
    private static final Billing HOUR_10_C1_US_BOT = new Billing(
            "2026-11-23T10:00Z", "c1", "US", "bot", 1, 1, 0, 0, 1, 0, 0, 0, 0, 0, 1, Map.of("bot_device", 1L));
    private static final Billing HOUR_11_C1_US_MOBILE =
            new Billing("2026-11-23T11:00Z", "c1", "US", "mobile", 1, 1, 1, 250_000, 1, 0, 0, 0, 0, 0, 0, Map.of());

    private static TruthTables tables;
    private static TruthJob job;
    private static JobRun latestHour10Run;

    @BeforeAll
    static void archiveARawHour() {
        tables = SharedSpark.newTables();
        tables.createMissing();
        tables.icebergCatalog()
                .createTable(AdclickTables.RAW_EVENTS, RawEventsTable.SCHEMA, RawEventsTable.PARTITION_SPEC);
        append(
                impression("i1", T10.plusSeconds(5)),
                click("k1", "i1", T10.plusSeconds(10)),
                click("k1", "i1", T10.plusSeconds(10)).receivedAt(T10.plusSeconds(40)),
                click("k2", "i1", T10.plusSeconds(20)),
                impression("i2", T10.plusSeconds(60))
                        .campaign("c2")
                        .country("DE")
                        .user("u2"),
                click("k3", "i2", T10.plusSeconds(90))
                        .campaign("c2")
                        .country("DE")
                        .user("u2")
                        .cpc(1_234_567),
                click("k4", "i3", T10.plusSeconds(100)),
                impression("i4", T10.plusSeconds(200)),
                click("k5", "i4", T10.plusSeconds(230)).expired(),
                impression("i5", T10.plusSeconds(300))
                        .device("bot", "curl/8.5.0")
                        .user("bot-1"),
                click("k6", "i5", T10.plusSeconds(301))
                        .device("bot", "curl/8.5.0")
                        .user("bot-1"));
        append(impression("i6", T11.plusSeconds(600)), click("k7", "i6", T11.plusSeconds(630)));
        job = new TruthJob(tables, BatchSettings.defaults().truth(), "test", Clock.systemUTC());
    }

    @Test
    @Order(1)
    void billsAnHourToTheMicroAndLeavesOtherHoursAlone() {
        JobRun hour11 = job.run(HOUR_11);
        JobRun hour10 = job.run(HOUR_10);

        assertThat(billing(AdclickTables.BILLING_HOURLY, "hour"))
                .containsExactly(HOUR_10_C1_US_BOT, HOUR_10_C1_US_MOBILE, HOUR_10_C2_DE_MOBILE, HOUR_11_C1_US_MOBILE);
        assertThat(hour10.succeeded()).isTrue();
        assertThat(lineageOf(HOUR_11)).containsOnly(hour11.runId());
        assertThat(lineageOf(HOUR_10)).containsOnly(hour10.runId());
    }

    @Test
    @Order(2)
    void rerunningAnHourGivesTheSameRowsInOneNewSnapshotPerTable() {
        List<Billing> before = billing(AdclickTables.BILLING_HOURLY, "hour");
        long billingSnapshots = snapshotCount(AdclickTables.BILLING_HOURLY);
        long decisionSnapshots = snapshotCount(AdclickTables.CLICK_DECISIONS);
        String hour11Run = lineageOf(HOUR_11).get(0);

        JobRun rerun = job.run(HOUR_10);
        latestHour10Run = rerun;

        assertThat(billing(AdclickTables.BILLING_HOURLY, "hour")).isEqualTo(before);
        assertThat(snapshotCount(AdclickTables.BILLING_HOURLY)).isEqualTo(billingSnapshots + 1);
        assertThat(snapshotCount(AdclickTables.CLICK_DECISIONS)).isEqualTo(decisionSnapshots + 1);
        assertThat(tables.load(AdclickTables.BILLING_HOURLY).currentSnapshot().summary())
                .containsEntry("changed-partition-count", "1")
                .containsEntry(TruthTables.RUN_ID_PROPERTY, rerun.runId());
        assertThat(lineageOf(HOUR_11)).containsOnly(hour11Run);
    }

    @Test
    @Order(3)
    void recordsTheRunWithItsInputAndOutputSnapshotsAndCounts() {
        JobRun run = latestHour10Run;
        Row recorded = tables.spark()
                .table(tables.sqlName(AdclickTables.JOB_RUNS))
                .filter(col("run_id").equalTo(run.runId()))
                .collectAsList()
                .get(0);

        assertThat(recorded.<String>getAs("job")).isEqualTo("hourly");
        assertThat(recorded.<String>getAs("partition_key")).isEqualTo("2026-11-23T10");
        assertThat(recorded.<String>getAs("status")).isEqualTo("succeeded");
        assertThat(recorded.<Long>getAs("raw_snapshot_id"))
                .isEqualTo(
                        tables.load(AdclickTables.RAW_EVENTS).currentSnapshot().snapshotId());
        assertThat(recorded.<Long>getAs("output_snapshot_id"))
                .isEqualTo(tables.load(AdclickTables.BILLING_HOURLY)
                        .currentSnapshot()
                        .snapshotId());
        assertThat(recorded.getJavaMap(recorded.fieldIndex("output_snapshots")))
                .containsOnlyKeys("adclick.billing_hourly", "adclick.click_decisions", "adclick.fraud_decisions");
        assertThat(List.of(
                        recorded.<Long>getAs("rows_in"),
                        recorded.<Long>getAs("impressions_in"),
                        recorded.<Long>getAs("clicks_in"),
                        recorded.<Long>getAs("rows_out"),
                        recorded.<Long>getAs("billable_clicks"),
                        recorded.<Long>getAs("spend_micros"),
                        recorded.<Long>getAs("duplicates_removed"),
                        recorded.<Long>getAs("expired_removed"),
                        recorded.<Long>getAs("no_impression_removed"),
                        recorded.<Long>getAs("fraud_removed")))
                .containsExactly(11L, 4L, 7L, 3L, 2L, 1_484_567L, 2L, 1L, 1L, 1L);
        assertThat(recorded.<String>getAs("code_version")).isEqualTo("test");
    }

    @Test
    @Order(4)
    void keepsEveryClicksDecisionAndWhereItsRawRowIsStored() {
        List<Row> decisions = tables.spark()
                .table(tables.sqlName(AdclickTables.CLICK_DECISIONS))
                .filter(col("event_time").lt(java.sql.Timestamp.from(T11)))
                .orderBy("event_id", "decision")
                .select("event_id", "decision", "duplicate_of", "raw_file")
                .collectAsList();

        assertThat(decisions.stream().map(row -> row.getString(0) + "=" + row.getString(1)))
                .containsExactly(
                        "k1=billable",
                        "k1=duplicate_event",
                        "k2=duplicate_impression",
                        "k3=billable",
                        "k4=no_impression",
                        "k5=expired_token",
                        "k6=fraud:bot_device");
        assertThat(decisions.get(2).getString(2)).isEqualTo("k1");
        assertThat(decisions).allSatisfy(row -> assertThat(row.getString(3)).endsWith(".parquet"));
        assertThat(tables
                        .spark()
                        .table(tables.sqlName(AdclickTables.FRAUD_DECISIONS))
                        .select("event_id", "rule", "evidence")
                        .collectAsList()
                        .stream()
                        .map(Row::toString))
                .containsExactly("[k6,bot_device,device=bot, user_agent=curl/8.5.0]");
    }

    @Test
    @Order(5)
    void aDayRecomputesItsHoursAndCountsUniqueUsersOverTheWholeDay() {
        JobRun day = job.run(TruthPartition.day("2026-11-23"));

        assertThat(day.outputSnapshots()).containsKey("adclick.billing_daily");
        assertThat(billing(AdclickTables.BILLING_HOURLY, "hour"))
                .containsExactly(HOUR_10_C1_US_BOT, HOUR_10_C1_US_MOBILE, HOUR_10_C2_DE_MOBILE, HOUR_11_C1_US_MOBILE);
        assertThat(billing(AdclickTables.BILLING_DAILY, "day"))
                .containsExactly(
                        new Billing(
                                "2026-11-23",
                                "c1",
                                "US",
                                "bot",
                                1,
                                1,
                                0,
                                0,
                                1,
                                0,
                                0,
                                0,
                                0,
                                0,
                                1,
                                Map.of("bot_device", 1L)),
                        new Billing(
                                "2026-11-23", "c1", "US", "mobile", 3, 5, 2, 500_000, 1, 2, 1, 1, 1, 1, 0, Map.of()),
                        new Billing(
                                "2026-11-23", "c2", "DE", "mobile", 1, 1, 1, 1_234_567, 1, 0, 0, 0, 0, 0, 0, Map.of()));
    }

    @Test
    @Order(6)
    void aBackfillSkipsDaysAlreadyComputedFromTheSameSnapshotUnlessForced() {
        Long snapshot = tables.currentRawSnapshotId();
        List<TruthPartition> days = TruthPartition.days("2026-11-22", "2026-11-23");
        Backfill backfill = new Backfill(job);

        List<Backfill.DayOutcome> first = backfill.run(days, snapshot, false, (outcome, done, total) -> {});
        List<Backfill.DayOutcome> resumed = backfill.run(days, snapshot, false, (outcome, done, total) -> {});
        List<Backfill.DayOutcome> forced =
                backfill.run(days.subList(1, 2), snapshot, true, (outcome, done, total) -> {});

        assertThat(first).extracting(Backfill.DayOutcome::skipped).containsExactly(false, true);
        assertThat(resumed).extracting(Backfill.DayOutcome::skipped).containsExactly(true, true);
        assertThat(forced).extracting(Backfill.DayOutcome::skipped).containsExactly(false);
    }

    @Test
    @Order(7)
    void aFailedRunIsRecordedWithItsError() {
        assertThatThrownBy(() -> job.run(HOUR_10, 42L))
                .isInstanceOf(TruthJobException.class)
                .hasMessageContaining("2026-11-23T10");

        List<Row> failed = tables.spark()
                .table(tables.sqlName(AdclickTables.JOB_RUNS))
                .filter(col("status").equalTo("failed"))
                .select("partition_key", "raw_snapshot_id", "error")
                .collectAsList();
        assertThat(failed).hasSize(1);
        assertThat(failed.get(0).getLong(1)).isEqualTo(42L);
        assertThat(failed.get(0).getString(2)).isNotBlank();
    }

    private static void append(RawEvents.Event... events) {
        try {
            new RawEvents()
                    .add(events)
                    .toDataFrame()
                    .writeTo(tables.sqlName(AdclickTables.RAW_EVENTS))
                    .append();
        } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new AssertionError(e);
        }
    }

    private static List<Billing> billing(TableIdentifier table, String bucket) {
        return tables
                .spark()
                .table(tables.sqlName(table))
                .orderBy(bucket, "campaign_id", "country", "device")
                .collectAsList()
                .stream()
                .map(row -> new Billing(
                        bucket.equals("hour")
                                ? row.getTimestamp(0).toInstant().toString().replace(":00Z", "Z")
                                : ((java.sql.Date) row.get(0)).toLocalDate().toString(),
                        row.getAs("campaign_id"),
                        row.getAs("country"),
                        row.getAs("device"),
                        row.getAs("impressions"),
                        row.getAs("clicks"),
                        row.getAs("billable_clicks"),
                        row.getAs("spend_micros"),
                        row.getAs("unique_users"),
                        row.getAs("duplicates_removed"),
                        row.getAs("duplicate_events_removed"),
                        row.getAs("double_clicks_removed"),
                        row.getAs("expired_removed"),
                        row.getAs("no_impression_removed"),
                        row.getAs("fraud_removed"),
                        Map.copyOf(row.<String, Long>getJavaMap(row.fieldIndex("fraud_removed_by_rule")))))
                .toList();
    }

    private static List<String> lineageOf(TruthPartition hour) {
        return tables
                .spark()
                .table(tables.sqlName(AdclickTables.BILLING_HOURLY))
                .filter(col("hour").equalTo(java.sql.Timestamp.from(hour.start())))
                .select("job_run_id")
                .distinct()
                .collectAsList()
                .stream()
                .map(row -> row.getString(0))
                .toList();
    }

    private static long snapshotCount(TableIdentifier table) {
        Table loaded = tables.load(table);
        return java.util.stream.StreamSupport.stream(loaded.snapshots().spliterator(), false)
                .count();
    }
}
