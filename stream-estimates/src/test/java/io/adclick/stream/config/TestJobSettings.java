package io.adclick.stream.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TestJobSettings {
    @Test
    void defaults() {
        JobSettings settings = JobSettings.defaults();

        assertThat(settings.bootstrapServers()).isEqualTo("127.0.0.1:9092");
        assertThat(settings.groupId()).isEqualTo("adclick-stream-estimates");
        assertThat(settings.checkpointDir())
                .isEqualTo(Path.of(".adclick/stream/checkpoints").toAbsolutePath());
        assertThat(settings.checkpointInterval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.stateBackend()).isEqualTo(JobSettings.StateBackend.HASHMAP);
        assertThat(settings.parallelism()).isEqualTo(2);
        assertThat(settings.transactionalIdPrefix()).isEqualTo("adclick-stream-estimates");
        assertThat(settings.transactionTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.estimates()).isEqualTo(EstimatesConfig.defaults());
    }

    @Test
    void flinkConfigurationHasExactlyOnceRetainedCheckpointsOnDisk() {
        Path dir = Path.of("/var/lib/adclick/checkpoints");
        JobSettings settings = withCheckpointDir(JobSettings.defaults(), dir);

        assertThat(settings.flinkConfiguration(Optional.empty()).toMap())
                .containsEntry("execution.checkpointing.interval", "5 s")
                .containsEntry("execution.checkpointing.mode", "EXACTLY_ONCE")
                .containsEntry("execution.checkpointing.dir", "file:///var/lib/adclick/checkpoints")
                .containsEntry("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION")
                .containsEntry("execution.checkpointing.num-retained", "3")
                .containsEntry("execution.checkpointing.incremental", "true")
                .containsEntry("state.backend.type", "hashmap")
                .containsEntry("parallelism.default", "2")
                .containsEntry("pipeline.generic-types", "false")
                .containsEntry("pipeline.object-reuse", "true")
                .doesNotContainKey("execution.state-recovery.path")
                .doesNotContainKey("execution.state-recovery.ignore-unclaimed-state");
    }

    @Test
    void rocksDbHasBloomFiltersAndBoundedManagedMemory() {
        JobSettings rocksDb = new JobSettings(
                "127.0.0.1:9092",
                "g",
                Path.of("/tmp/c"),
                Duration.ofSeconds(5),
                JobSettings.StateBackend.ROCKSDB,
                2,
                "p",
                Duration.ofMinutes(10),
                EstimatesConfig.defaults());

        assertThat(rocksDb.flinkConfiguration(Optional.empty()).toMap())
                .containsEntry("state.backend.type", "rocksdb")
                .containsEntry("state.backend.rocksdb.use-bloom-filter", "true")
                .containsEntry("state.backend.rocksdb.memory.partitioned-index-filters", "true")
                .containsEntry("taskmanager.memory.managed.size", "256m");
        assertThat(JobSettings.defaults().flinkConfiguration(Optional.empty()).toMap())
                .doesNotContainKey("state.backend.rocksdb.use-bloom-filter");
    }

    @Test
    void restoresFromTheGivenCheckpoint() {
        Path checkpoint = Path.of("/var/lib/adclick/checkpoints/abc/chk-7");

        assertThat(JobSettings.defaults()
                        .flinkConfiguration(Optional.of(checkpoint))
                        .toMap())
                .containsEntry("execution.state-recovery.path", "file:///var/lib/adclick/checkpoints/abc/chk-7")
                .containsEntry("execution.state-recovery.ignore-unclaimed-state", "true");
    }

    private static JobSettings withCheckpointDir(JobSettings s, Path dir) {
        return new JobSettings(
                s.bootstrapServers(),
                s.groupId(),
                dir,
                s.checkpointInterval(),
                s.stateBackend(),
                s.parallelism(),
                s.transactionalIdPrefix(),
                s.transactionTimeout(),
                s.estimates());
    }
}
