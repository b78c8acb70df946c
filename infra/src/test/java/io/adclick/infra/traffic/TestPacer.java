package io.adclick.infra.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TestPacer {
    @Test
    void handsOutSlotsAtTheConfiguredRate() throws InterruptedException {
        Pacer pacer = new Pacer(200);
        long start = System.nanoTime();
        long deadline = start + 10_000_000_000L;

        for (int i = 0; i < 40; i++) {
            assertThat(pacer.acquire(deadline)).isTrue();
        }

        assertThat((System.nanoTime() - start) / 1e6)
                .as("ms for 40 slots at 200/s")
                .isGreaterThanOrEqualTo(190);
    }

    @Test
    void refusesSlotsAtOrAfterTheDeadline() throws InterruptedException {
        Pacer pacer = new Pacer(1);

        assertThat(pacer.acquire(System.nanoTime() + 500_000_000L)).isTrue();
        assertThat(pacer.acquire(System.nanoTime() + 500_000_000L)).isFalse();
    }
}
