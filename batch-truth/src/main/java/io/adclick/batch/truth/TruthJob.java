package io.adclick.batch.truth;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import io.adclick.batch.config.TruthConfig;
import io.adclick.batch.iceberg.TruthTables;
import io.adclick.batch.rules.FraudRules;
import io.adclick.batch.run.JobRun;
import io.adclick.batch.run.JobRunLog;
import io.adclick.batch.run.RunCounts;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.table.ClickDecisions;
import io.adclick.schemas.table.ClickDecisionsTable;
import io.adclick.schemas.table.FraudDecisionsTable;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.storage.StorageLevel;

/**
 * Recomputes one hour or day partition of billing truth from {@code raw_events} pinned to one
 * snapshot, overwrites that partition of {@code click_decisions}, {@code fraud_decisions} and
 * {@code billing_hourly} (and for a day, {@code billing_daily}: a day recomputes its 24 hours from
 * the same snapshot so hourly and daily always agree), each in one commit, and records the run in
 * {@code job_runs}, failed or not.
 */
public final class TruthJob {
    private final TruthTables tables;
    private final JobRunLog runs;
    private final TruthConfig config;
    private final ClickDecider decider;
    private final String codeVersion;
    private final Clock clock;

    public TruthJob(TruthTables tables, TruthConfig config, String codeVersion, Clock clock) {
        this.tables = requireNonNull(tables, "tables is null");
        this.config = requireNonNull(config, "config is null");
        this.codeVersion = requireNonNull(codeVersion, "codeVersion is null");
        this.clock = requireNonNull(clock, "clock is null");
        this.runs = new JobRunLog(tables);
        this.decider = new ClickDecider(config.lookback(), config.lookahead(), FraudRules.from(config.fraud()));
    }

    /** The run log this job records in. */
    public JobRunLog runs() {
        return runs;
    }

    /** Computes {@code partition} from the current {@code raw_events} snapshot. */
    public JobRun run(TruthPartition partition) {
        tables.createMissing();
        return run(partition, tables.currentRawSnapshotId());
    }

    /**
     * Computes {@code partition} from {@code raw_events} as of {@code rawSnapshotId} (null: the
     * table has no snapshot yet, so the partition is empty). A failure is recorded, then rethrown.
     */
    public JobRun run(TruthPartition partition, Long rawSnapshotId) {
        requireNonNull(partition, "partition is null");
        tables.createMissing();
        String runId = UUID.randomUUID().toString();
        Instant startedAt = clock.instant();
        Map<String, Long> outputs = new LinkedHashMap<>();
        try {
            Lineage lineage = new Lineage(runId, rawSnapshotId);
            Timestamp[] range = decider.inputRange(partition);
            Dataset<Row> raw = tables.readRaw(rawSnapshotId, range[0], range[1]);
            DecidedPartition decided = decider.decide(raw, partition);
            Dataset<Row> clicks = decided.clicks().persist(StorageLevel.MEMORY_AND_DISK());
            try {
                RunCounts counts = write(partition, decided, lineage, outputs);
                String billingTable = partition.granularity() == TruthPartition.Granularity.DAY
                        ? AdclickTables.BILLING_DAILY.toString()
                        : AdclickTables.BILLING_HOURLY.toString();
                JobRun run = jobRun(
                        runId,
                        partition,
                        rawSnapshotId,
                        outputs.get(billingTable),
                        outputs,
                        counts,
                        startedAt,
                        JobRun.Status.SUCCEEDED,
                        null);
                runs.record(run);
                return run;
            } finally {
                clicks.unpersist();
            }
        } catch (RuntimeException e) {
            JobRun failed = jobRun(
                    runId,
                    partition,
                    rawSnapshotId,
                    null,
                    outputs,
                    RunCounts.NONE,
                    startedAt,
                    JobRun.Status.FAILED,
                    String.valueOf(e.getMessage()));
            try {
                runs.record(failed);
            } catch (RuntimeException recordFailure) {
                e.addSuppressed(recordFailure);
            }
            throw new TruthJobException(
                    "%s run %s of %s failed: %s"
                            .formatted(partition.granularity().jobName(), runId, partition.key(), e.getMessage()),
                    e);
        }
    }

    private RunCounts write(
            TruthPartition partition, DecidedPartition decided, Lineage lineage, Map<String, Long> outputs) {
        Column eventTimeInPartition = col("event_time")
                .geq(lit(Timestamp.from(partition.start())))
                .and(col("event_time").lt(lit(Timestamp.from(partition.end()))));
        String runId = lineage.jobRunId();

        outputs.put(
                AdclickTables.CLICK_DECISIONS.toString(),
                tables.overwrite(
                        AdclickTables.CLICK_DECISIONS,
                        withLineage(decided.clicks(), lineage).select(columns(ClickDecisionsTable.SCHEMA)),
                        eventTimeInPartition,
                        runId));
        outputs.put(
                AdclickTables.FRAUD_DECISIONS.toString(),
                tables.overwrite(
                        AdclickTables.FRAUD_DECISIONS,
                        withLineage(decided.fraudFlags(), lineage).select(columns(FraudDecisionsTable.SCHEMA)),
                        eventTimeInPartition,
                        runId));
        Dataset<Row> hourly = BillingAggregator.hourly(decided, lineage).persist(StorageLevel.MEMORY_AND_DISK());
        long rowsOut = hourly.count();
        long impressionsIn = totalImpressions(hourly);
        outputs.put(
                AdclickTables.BILLING_HOURLY.toString(),
                tables.overwrite(
                        AdclickTables.BILLING_HOURLY,
                        hourly,
                        col("hour")
                                .geq(lit(Timestamp.from(partition.start())))
                                .and(col("hour").lt(lit(Timestamp.from(partition.end())))),
                        runId));
        hourly.unpersist();
        if (partition.granularity() == TruthPartition.Granularity.DAY) {
            Dataset<Row> daily = BillingAggregator.daily(decided, lineage);
            rowsOut += daily.count();
            Date day = Date.valueOf(partition.start().atOffset(ZoneOffset.UTC).toLocalDate());
            outputs.put(
                    AdclickTables.BILLING_DAILY.toString(),
                    tables.overwrite(
                            AdclickTables.BILLING_DAILY, daily, col("day").equalTo(lit(day)), runId));
        }
        return counts(decided, impressionsIn, rowsOut);
    }

    /** The partition's distinct impressions: each is counted in exactly one hourly row. */
    private static long totalImpressions(Dataset<Row> hourly) {
        return longOrZero(
                hourly.agg(sum(col("impressions")).cast(DataTypes.LongType)).first(), 0);
    }

    private static RunCounts counts(DecidedPartition decided, long impressionsIn, long rowsOut) {
        Row c = decided.clicks()
                .agg(
                        sum(lit(1L)).cast(DataTypes.LongType),
                        countIf(col("decision").equalTo(ClickDecisions.BILLABLE)),
                        sum(col("spend_micros")).cast(DataTypes.LongType),
                        countIf(col("decision")
                                .isin(ClickDecisions.DUPLICATE_EVENT, ClickDecisions.DUPLICATE_IMPRESSION)),
                        countIf(col("decision").equalTo(ClickDecisions.EXPIRED_TOKEN)),
                        countIf(col("decision").equalTo(ClickDecisions.NO_IMPRESSION)),
                        countIf(col("decision").startsWith(ClickDecisions.FRAUD_PREFIX)))
                .first();
        return new RunCounts(
                decided.rawInPartition().count(),
                impressionsIn,
                longOrZero(c, 0),
                rowsOut,
                longOrZero(c, 1),
                longOrZero(c, 2),
                longOrZero(c, 3),
                longOrZero(c, 4),
                longOrZero(c, 5),
                longOrZero(c, 6));
    }

    private static Column countIf(Column condition) {
        return sum(when(condition, 1L).otherwise(0L)).cast(DataTypes.LongType);
    }

    private static long longOrZero(Row row, int index) {
        return row.isNullAt(index) ? 0L : row.getLong(index);
    }

    private static Dataset<Row> withLineage(Dataset<Row> rows, Lineage lineage) {
        return rows.withColumn("job_run_id", lit(lineage.jobRunId()))
                .withColumn("raw_snapshot_id", lit(lineage.rawSnapshotId()).cast(DataTypes.LongType));
    }

    private static Column[] columns(org.apache.iceberg.Schema schema) {
        return BillingAggregator.columnsOf(schema);
    }

    private JobRun jobRun(
            String runId,
            TruthPartition partition,
            Long rawSnapshotId,
            Long outputSnapshotId,
            Map<String, Long> outputs,
            RunCounts counts,
            Instant startedAt,
            JobRun.Status status,
            String error) {
        return new JobRun(
                runId,
                partition.granularity().jobName(),
                partition.key(),
                partition.start(),
                partition.end(),
                rawSnapshotId,
                outputSnapshotId,
                outputs,
                counts,
                startedAt,
                clock.instant(),
                codeVersion,
                status,
                error,
                config.toString());
    }
}
