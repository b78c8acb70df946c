package io.adclick.infra.monitor;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestFlinkRest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theNewestJobOfTheNameThatHasNotEndedIsRead() throws Exception {
        JsonNode overview = JSON.readTree(
                """
                {"jobs": [
                  {"jid": "a", "name": "adclick-stream-estimates", "state": "CANCELED", "start-time": 300},
                  {"jid": "b", "name": "adclick-stream-estimates", "state": "RUNNING", "start-time": 200},
                  {"jid": "c", "name": "adclick-stream-estimates", "state": "RESTARTING", "start-time": 100},
                  {"jid": "d", "name": "other", "state": "RUNNING", "start-time": 400}
                ]}
                """);

        assertThat(FlinkRest.newestJob(overview, "adclick-stream-estimates"))
                .map(job -> job.path("jid").asText())
                .contains("b");
        assertThat(FlinkRest.newestJob(overview, "absent")).isEmpty();
    }

    @Test
    void ourCountersArePickedFromAVertexListingAndSummed() throws Exception {
        JsonNode listing = JSON.readTree(
                """
                [{"id": "Source__events.raw.decodedRecords"}, {"id": "Source__events.raw.numRecordsOut"},
                 {"id": "EventDeduplicator.duplicateEvents"}, {"id": "odd,name.lateEvents"}]
                """);
        assertThat(FlinkRest.counterIds(listing))
                .containsExactly("Source__events.raw.decodedRecords", "EventDeduplicator.duplicateEvents");

        Map<StreamCounter, Long> counters = new EnumMap<>(StreamCounter.class);
        FlinkRest.sumCounters(
                JSON.readTree(
                        """
                        [{"id": "Source__events.raw.decodedRecords", "sum": 120.0},
                         {"id": "EventDeduplicator.duplicateEvents", "sum": 7.0}]
                        """),
                counters);
        FlinkRest.sumCounters(
                JSON.readTree("[{\"id\": \"LateEventRouter.lateEvents\", \"sum\": 3.0},"
                        + " {\"id\": \"Other.duplicateEvents\", \"sum\": 1.0}]"),
                counters);

        assertThat(counters)
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of(StreamCounter.DECODED, 120L, StreamCounter.DUPLICATE, 8L, StreamCounter.LATE, 3L));
    }

    @Test
    void theLatestCompletedCheckpointAndTheCountsAreRead() throws Exception {
        JsonNode checkpoints = JSON.readTree(
                """
                {"counts": {"restored": 1, "total": 12, "in_progress": 1, "completed": 10, "failed": 1},
                 "latest": {"completed": {"id": 11, "status": "COMPLETED", "latest_ack_timestamp": 1764144000000,
                                          "state_size": 52431, "checkpointed_size": 2048,
                                          "end_to_end_duration": 183},
                            "failed": null, "savepoint": null, "restored": null}}
                """);

        FlinkJobFigures figures = FlinkRest.figures("b", "RUNNING", checkpoints, Map.of(StreamCounter.LATE, 2L));

        assertThat(figures.running()).isTrue();
        assertThat(figures.completedCheckpoints()).isEqualTo(10);
        assertThat(figures.failedCheckpoints()).isEqualTo(1);
        assertThat(figures.latestCheckpoint())
                .contains(new FlinkJobFigures.Checkpoint(
                        11, Instant.ofEpochMilli(1764144000000L), Duration.ofMillis(183), 52431, 2048));
        assertThat(figures.counters()).containsEntry(StreamCounter.LATE, 2L);
    }

    @Test
    void aJobWithoutACompletedCheckpointHasNone() throws Exception {
        JsonNode checkpoints =
                JSON.readTree("{\"counts\": {\"completed\": 0, \"failed\": 0}, \"latest\": {\"completed\": null}}");

        assertThat(FlinkRest.figures("b", "RUNNING", checkpoints, Map.of()).latestCheckpoint())
                .isEmpty();
    }
}
