package io.adclick.router.pipeline;

import io.adclick.router.pinot.RollupReports;
import io.adclick.router.trino.Sql;
import io.adclick.schemas.pinot.PinotSql;
import io.adclick.schemas.table.ReconciliationTable;
import java.time.Instant;
import java.util.List;

/**
 * The statements of the pipeline gauges. Values travel as bound parameters (Trino) or bound
 * literals ({@link PinotSql}); instants as epoch milliseconds or ISO-8601 text.
 */
final class PipelineSql {
    static final String SUCCEEDED = "succeeded";
    static final String FAILED = "failed";

    private PipelineSql() {}

    /**
     * The newest succeeded run of each job kind in {@code job_runs}: job, started and ended (epoch
     * ms), {@code rows_in}, {@code rows_out}, and the clicks removed (duplicates, expired, without
     * impression, fraud).
     */
    static Sql lastSucceededRuns() {
        return new Sql(
                "SELECT job, CAST(to_unixtime(started_at) * 1000 AS bigint), CAST(to_unixtime(ended_at) * 1000 AS bigint),"
                        + " rows_in, rows_out, duplicates_removed + expired_removed + no_impression_removed + fraud_removed"
                        + " FROM (SELECT job, started_at, ended_at, rows_in, rows_out, duplicates_removed, expired_removed,"
                        + " no_impression_removed, fraud_removed,"
                        + " row_number() OVER (PARTITION BY job ORDER BY ended_at DESC, run_id DESC) AS newest"
                        + " FROM job_runs WHERE status = ?) WHERE newest = 1 ORDER BY job",
                List.of(SUCCEEDED));
    }

    /** Failed runs per job kind that started at or after {@code since}: job, count. */
    static Sql failedRunsSince(Instant since) {
        return new Sql(
                "SELECT job, count(*) FROM job_runs WHERE status = ? AND started_at >= from_iso8601_timestamp(?)"
                        + " GROUP BY job ORDER BY job",
                List.of(FAILED, since.toString()));
    }

    /**
     * One row of {@code reconciliation} over the hours since {@code since} (only their partitions
     * are read): alert rows, the newest hour (epoch ms), the largest absolute residual in clicks and
     * in spend; the last three null when no hour of the window was reconciled.
     */
    static Sql reconciliationSince(Instant since) {
        return new Sql(
                "SELECT count_if(alert OR category = ?), CAST(to_unixtime(max(hour)) * 1000 AS bigint),"
                        + " max(abs(residual_clicks)), max(abs(residual_spend_micros))"
                        + " FROM reconciliation WHERE hour >= from_iso8601_timestamp(?)",
                List.of(ReconciliationTable.UNEXPLAINED, since.toString()));
    }

    /** The start of the newest minute in Pinot's {@code rollups_minute} (epoch ms), no row when empty. */
    static String newestMinute() {
        return "SELECT minute_millis FROM " + RollupReports.TABLE + " ORDER BY minute_millis DESC LIMIT 1";
    }

    /**
     * The newest {@code emitted_at} among the rollups of minutes at or after {@code since}. The
     * column is ISO-8601 text of varying precision, so the order is exact to the second only.
     */
    static String newestRevisionSince(Instant since) {
        return PinotSql.bind(
                "SELECT emitted_at FROM " + RollupReports.TABLE
                        + " WHERE minute_millis >= ? ORDER BY emitted_at DESC LIMIT 1",
                since.toEpochMilli());
    }
}
