package io.adclick.batch.run;

import static java.util.Objects.requireNonNull;
import static org.apache.spark.sql.functions.col;

import io.adclick.batch.iceberg.TruthTables;
import io.adclick.schemas.table.AdclickTables;
import io.adclick.schemas.table.JobRunsTable;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/** Records job runs in {@code adclick.job_runs} and answers what ran before. */
public final class JobRunLog {
    private static final StructType SCHEMA = SparkSchemaUtil.convert(JobRunsTable.SCHEMA);

    private final TruthTables tables;

    public JobRunLog(TruthTables tables) {
        this.tables = requireNonNull(tables, "tables is null");
    }

    /** Appends {@code run} (one commit). */
    public void record(JobRun run) {
        RunCounts c = run.counts();
        Row row = RowFactory.create(
                run.runId(),
                run.job(),
                run.partitionKey(),
                timestamp(run.partitionStart()),
                timestamp(run.partitionEnd()),
                run.rawSnapshotId(),
                run.outputSnapshotId(),
                run.outputSnapshots(),
                c.rowsIn(),
                c.impressionsIn(),
                c.clicksIn(),
                c.rowsOut(),
                c.billableClicks(),
                c.spendMicros(),
                c.duplicatesRemoved(),
                c.expiredRemoved(),
                c.noImpressionRemoved(),
                c.fraudRemoved(),
                timestamp(run.startedAt()),
                timestamp(run.endedAt()),
                run.codeVersion(),
                run.status().wireName(),
                run.error(),
                run.settings());
        tables.append(AdclickTables.JOB_RUNS, tables.spark().createDataFrame(List.of(row), SCHEMA), run.runId());
    }

    /** The {@code raw_events} snapshot of the latest successful run of {@code job} for {@code partitionKey}. */
    public Optional<Long> latestSuccessfulRawSnapshot(String job, String partitionKey) {
        List<Row> rows = tables.spark()
                .table(tables.sqlName(AdclickTables.JOB_RUNS))
                .filter(col("job")
                        .equalTo(job)
                        .and(col("partition_key").equalTo(partitionKey))
                        .and(col("status").equalTo(JobRun.Status.SUCCEEDED.wireName())))
                .orderBy(col("ended_at").desc())
                .select("raw_snapshot_id")
                .limit(1)
                .collectAsList();
        return rows.isEmpty() || rows.get(0).isNullAt(0)
                ? Optional.empty()
                : Optional.of(rows.get(0).getLong(0));
    }

    /**
     * The {@code raw_events} snapshot of the latest successful run of {@code job} for each of
     * {@code partitionKeys} that has one.
     */
    public Map<String, Long> latestSuccessfulRawSnapshots(String job, Collection<String> partitionKeys) {
        requireNonNull(job, "job is null");
        requireNonNull(partitionKeys, "partitionKeys is null");
        Map<String, Long> latest = new HashMap<>();
        if (partitionKeys.isEmpty()) {
            return latest;
        }
        tables.spark()
                .table(tables.sqlName(AdclickTables.JOB_RUNS))
                .filter(col("job")
                        .equalTo(job)
                        .and(col("partition_key").isin(partitionKeys.toArray()))
                        .and(col("status").equalTo(JobRun.Status.SUCCEEDED.wireName()))
                        .and(col("raw_snapshot_id").isNotNull()))
                .orderBy(col("ended_at"))
                .select("partition_key", "raw_snapshot_id")
                .collectAsList()
                .forEach(row -> latest.put(row.getString(0), row.getLong(1)));
        return latest;
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
