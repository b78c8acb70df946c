package io.adclick.infra.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ArchiveStallDetectorTest {
    private static final Instant T0 = Instant.parse("2026-11-26T10:00:00Z");
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final ArchiveStallDetector detector = new ArchiveStallDetector(TIMEOUT);

    @Test
    void recordsWaitingLongerThanTheTimeoutWithoutANewSnapshotAreAStall() {
        detector.observe(T0, 100, OptionalLong.of(1));
        assertThat(detector.observe(T0.plusSeconds(5), 150, OptionalLong.of(1))).isEmpty();
        assertThat(detector.observe(T0.plusSeconds(65), 180, OptionalLong.of(1)))
                .isEmpty();

        assertThat(detector.observe(T0.plusSeconds(66), 200, OptionalLong.of(1)))
                .hasValueSatisfying(stall -> {
                    assertThat(stall.waiting()).isEqualTo(Duration.ofSeconds(61));
                    assertThat(stall.uncommittedRecords()).isEqualTo(100);
                });
    }

    @Test
    void aNewSnapshotEndsTheWait() {
        detector.observe(T0, 100, OptionalLong.of(1));
        detector.observe(T0.plusSeconds(5), 150, OptionalLong.of(1));

        assertThat(detector.observe(T0.plusSeconds(50), 200, OptionalLong.of(2)))
                .isEmpty();
        assertThat(detector.observe(T0.plusSeconds(70), 250, OptionalLong.of(2)))
                .isEmpty();
        assertThat(detector.observe(T0.plusSeconds(100), 300, OptionalLong.of(2)))
                .isEmpty();
        assertThat(detector.observe(T0.plusSeconds(131), 300, OptionalLong.of(2)))
                .isPresent();
    }

    @Test
    void noNewRecordsIsNoStallHoweverOldTheLastSnapshot() {
        detector.observe(T0, 100, OptionalLong.of(1));

        assertThat(detector.observe(T0.plusSeconds(600), 100, OptionalLong.of(1)))
                .isEmpty();
        assertThat(detector.observe(T0.plusSeconds(6_000), 100, OptionalLong.of(1)))
                .isEmpty();
    }

    @Test
    void aTableWithoutSnapshotsStallsWhenRecordsArriveAndNothingIsCommitted() {
        detector.observe(T0, 0, OptionalLong.empty());
        detector.observe(T0.plusSeconds(5), 10, OptionalLong.empty());

        assertThat(detector.observe(T0.plusSeconds(66), 10, OptionalLong.empty()))
                .isPresent();
        assertThat(detector.observe(T0.plusSeconds(70), 20, OptionalLong.of(7))).isEmpty();
    }

    @Test
    void aRestartGivesTheWorkerAFullTimeoutAgain() {
        detector.observe(T0, 100, OptionalLong.of(1));
        detector.observe(T0.plusSeconds(5), 150, OptionalLong.of(1));
        assertThat(detector.observe(T0.plusSeconds(70), 150, OptionalLong.of(1)))
                .isPresent();

        detector.restartedAt(T0.plusSeconds(90));

        assertThat(detector.observe(T0.plusSeconds(140), 160, OptionalLong.of(1)))
                .isEmpty();
        assertThat(detector.observe(T0.plusSeconds(151), 160, OptionalLong.of(1)))
                .isPresent();
    }

    @Test
    void theTimeoutMustBePositive() {
        assertThatThrownBy(() -> new ArchiveStallDetector(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("positive");
    }
}
