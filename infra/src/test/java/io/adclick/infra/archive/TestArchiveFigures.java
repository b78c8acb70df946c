package io.adclick.infra.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.adclick.infra.archive.ArchiveFigures.TableFigures;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TestArchiveFigures {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theCurrentSnapshotGivesRowsCommitTimeAndTheSinksValidThroughTimestamp() throws Exception {
        TableFigures figures = TableFigures.of(
                JSON.readTree(
                        """
                {"current-snapshot-id": 22, "snapshots": [
                  {"snapshot-id": 21, "timestamp-ms": 1000, "summary": {"total-records": "5"}},
                  {"snapshot-id": 22, "timestamp-ms": 2000,
                   "summary": {"total-records": "9", "kafka.connect.valid-through-ts": "1970-01-01T00:00:01.500Z"}}
                ]}
                """));

        assertThat(figures)
                .isEqualTo(new TableFigures(
                        2,
                        9,
                        OptionalLong.of(22),
                        Optional.of(Instant.ofEpochMilli(2000)),
                        Optional.of(Instant.ofEpochMilli(1500))));
    }

    @Test
    void aLaterSnapshotWithoutAValidThroughTimestampKeepsTheNewestOneRecorded() throws Exception {
        TableFigures figures = TableFigures.of(
                JSON.readTree(
                        """
                {"current-snapshot-id": 33, "snapshots": [
                  {"snapshot-id": 31, "timestamp-ms": 1000,
                   "summary": {"total-records": "5", "kafka.connect.valid-through-ts": "1970-01-01T00:00:00.800Z"}},
                  {"snapshot-id": 32, "timestamp-ms": 2000,
                   "summary": {"total-records": "9", "kafka.connect.valid-through-ts": "1970-01-01T00:00:01.500Z"}},
                  {"snapshot-id": 33, "timestamp-ms": 3000, "summary": {"total-records": "12"}}
                ]}
                """));

        assertThat(figures.rows()).isEqualTo(12);
        assertThat(figures.committedAt()).contains(Instant.ofEpochMilli(3000));
        assertThat(figures.validThrough()).contains(Instant.ofEpochMilli(1500));
    }

    @Test
    void aTableWithoutSnapshotsHasNoFigures() throws Exception {
        TableFigures figures = TableFigures.of(JSON.readTree("{\"current-snapshot-id\": -1, \"snapshots\": []}"));

        assertThat(figures).isEqualTo(new TableFigures(0, 0, OptionalLong.empty(), Optional.empty(), Optional.empty()));
    }
}
