package io.adclick.router.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.router.trino.Sql;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestPipelineSql {
    private static final Instant SINCE = Instant.parse("2026-11-19T12:00:00Z");

    @Test
    void theNewestSucceededRunOfEachJobIsOneRowPerJob() {
        Sql sql = PipelineSql.lastSucceededRuns();

        assertThat(sql.text())
                .contains("row_number() OVER (PARTITION BY job ORDER BY ended_at DESC, run_id DESC)")
                .contains("FROM job_runs WHERE status = ?")
                .contains("WHERE newest = 1");
        assertThat(sql.parameters()).containsExactly("succeeded");
    }

    @Test
    void failedRunsAreCountedFromABoundInstant() {
        Sql sql = PipelineSql.failedRunsSince(SINCE);

        assertThat(sql.text()).contains("status = ? AND started_at >= from_iso8601_timestamp(?)");
        assertThat(sql.parameters()).containsExactly("failed", "2026-11-19T12:00:00Z");
    }

    @Test
    void reconciliationFiguresAreOfTheHoursOfTheWindow() {
        Sql sql = PipelineSql.reconciliationSince(SINCE);

        assertThat(sql.text())
                .contains("count_if(alert OR category = ?)")
                .contains("CAST(to_unixtime(max(hour)) * 1000 AS bigint)")
                .contains("max(abs(residual_clicks)), max(abs(residual_spend_micros))")
                .endsWith("FROM reconciliation WHERE hour >= from_iso8601_timestamp(?)");
        assertThat(sql.parameters()).containsExactly("unexplained", "2026-11-19T12:00:00Z");
    }

    @Test
    void pinotStatementsReadOneRowWithTheInstantBoundAsMillis() {
        assertThat(PipelineSql.newestMinute())
                .isEqualTo("SELECT minute_millis FROM rollups_minute ORDER BY minute_millis DESC LIMIT 1");
        assertThat(PipelineSql.newestRevisionSince(SINCE))
                .isEqualTo("SELECT emitted_at FROM rollups_minute WHERE minute_millis >= " + SINCE.toEpochMilli()
                        + " ORDER BY emitted_at DESC LIMIT 1");
    }
}
