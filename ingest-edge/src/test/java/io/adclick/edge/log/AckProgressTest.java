package io.adclick.edge.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** How the edge tells a slow Kafka from one that is gone. */
class AckProgressTest {
    private static final Duration STALL = Duration.ofSeconds(2);

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final AckProgress progress = new AckProgress(now::get);

    @Test
    void nothingOutstandingIsNeverStalled() {
        advance(Duration.ofHours(1));

        assertThat(progress.isStalled(STALL)).isFalse();
    }

    @Test
    void aSendWithoutAnyAckForTheStallTimeoutIsStalled() {
        advance(Duration.ofHours(1));
        progress.sent();
        advance(STALL.minusMillis(1));
        assertThat(progress.isStalled(STALL)).isFalse();

        advance(Duration.ofMillis(1));

        assertThat(progress.isStalled(STALL)).isTrue();
    }

    @Test
    void slowAcksThatKeepComingAreNotAStall() {
        for (int i = 0; i < 100; i++) {
            progress.sent();
        }
        for (int i = 0; i < 99; i++) {
            advance(STALL.dividedBy(2));
            progress.acknowledged();
            assertThat(progress.isStalled(STALL)).isFalse();
        }

        assertThat(progress.outstanding()).isEqualTo(1);
    }

    @Test
    void failuresAreNotProgress() {
        progress.sent();
        progress.sent();
        advance(STALL);
        progress.failed();

        assertThat(progress.isStalled(STALL)).isTrue();
        assertThat(progress.outstanding()).isEqualTo(1);
    }

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }
}
