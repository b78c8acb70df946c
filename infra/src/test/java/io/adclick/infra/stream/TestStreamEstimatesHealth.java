package io.adclick.infra.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.infra.stack.Health;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestStreamEstimatesHealth {
    private static final Instant LAUNCH = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration STALLED_AFTER = Duration.ofMinutes(1);

    @TempDir
    Path checkpoints;

    @Test
    void theLatestCheckpointIsTheNewestWithMetadataAcrossJobDirectories() throws IOException {
        complete("job-a/chk-7", LAUNCH.minusSeconds(60));
        complete("job-b/chk-8", LAUNCH.plusSeconds(5));
        Files.createDirectories(checkpoints.resolve("job-b/chk-9"));
        Files.createDirectories(checkpoints.resolve("job-b/shared"));

        assertThat(LatestCheckpoint.in(checkpoints)).hasValueSatisfying(latest -> {
            assertThat(latest.path()).isEqualTo(checkpoints.resolve("job-b/chk-8"));
            assertThat(latest.number()).isEqualTo(8);
            assertThat(latest.completedAt()).isEqualTo(LAUNCH.plusSeconds(5));
        });
    }

    @Test
    void thereIsNoCheckpointInAMissingOrEmptyDirectory() {
        assertThat(LatestCheckpoint.in(checkpoints.resolve("absent"))).isEmpty();
        assertThat(LatestCheckpoint.in(checkpoints)).isEmpty();
    }

    @Test
    void healthyOnceACheckpointCompletedSinceTheLaunch() throws IOException {
        complete("job-a/chk-3", LAUNCH.minusSeconds(30));
        assertThat(probe(LAUNCH.plusSeconds(10))).isEqualTo(Health.down("no checkpoint since start"));

        complete("job-b/chk-4", LAUNCH.plusSeconds(12));
        assertThat(probe(LAUNCH.plusSeconds(15))).isEqualTo(Health.up("checkpoint chk-4 3 s ago"));
    }

    @Test
    void stalledWhenTheLastCheckpointIsOlderThanTheLimit() throws IOException {
        complete("job-a/chk-4", LAUNCH.plusSeconds(12));

        assertThat(probe(LAUNCH.plusSeconds(12 + 61)))
                .isEqualTo(Health.down("stalled: last checkpoint chk-4 61 s ago"));
    }

    private Health probe(Instant now) {
        return StreamEstimates.probe(checkpoints, LAUNCH, STALLED_AFTER, now);
    }

    private void complete(String checkpoint, Instant at) throws IOException {
        Path metadata = Files.createDirectories(checkpoints.resolve(checkpoint)).resolve("_metadata");
        Files.writeString(metadata, "metadata");
        Files.setLastModifiedTime(metadata, FileTime.from(at));
    }
}
