package io.adclick.router.pacing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestCampaignPace {
    @Test
    void halfTheBudgetSpentAtAQuarterOfTheDayIsTwiceThePace() {
        CampaignPace pace = CampaignPace.of("c1", 50_000_000, 100_000_000L, 0.25);
        assertThat(pace.budgetUsed()).isCloseTo(0.5, within(1e-12));
        assertThat(pace.pace()).isCloseTo(2.0, within(1e-12));
        assertThat(pace.projectedSpendMicros()).isEqualTo(200_000_000);
    }

    @Test
    void onPaceAtNoon() {
        CampaignPace pace = CampaignPace.of("c1", 30_000_000, 60_000_000L, 0.5);
        assertThat(pace.pace()).isCloseTo(1.0, within(1e-12));
        assertThat(pace.projectedSpendMicros()).isEqualTo(60_000_000);
    }

    @Test
    void withoutABudgetThereIsNoPaceButStillAProjection() {
        CampaignPace pace = CampaignPace.of("c1", 1_000, null, 0.5);
        assertThat(pace.budgetUsed()).isNull();
        assertThat(pace.pace()).isNull();
        assertThat(pace.projectedSpendMicros()).isEqualTo(2_000);
        assertThat(CampaignPace.of("c1", 1_000, 0L, 0.5).pace()).isNull();
    }

    @Test
    void aDayNotStartedHasNoPaceAndAnOverDayProjectsItsSpend() {
        assertThat(CampaignPace.of("c1", 0, 10L, 0).pace()).isNull();
        assertThat(CampaignPace.of("c1", 0, 10L, 0).projectedSpendMicros()).isZero();
        CampaignPace over = CampaignPace.of("c1", 7, 10L, 1);
        assertThat(over.projectedSpendMicros()).isEqualTo(7);
        assertThat(over.pace()).isCloseTo(0.7, within(1e-12));
    }

    @Test
    void anElapsedFractionOutsideTheDayIsRefused() {
        assertThatThrownBy(() -> CampaignPace.of("c1", 1, 1L, 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theElapsedFractionIsClampedToTheDay() {
        Instant day = Instant.parse("2026-11-01T00:00:00Z");
        assertThat(PacingService.elapsedFraction(day, day.minusSeconds(10))).isZero();
        assertThat(PacingService.elapsedFraction(day, Instant.parse("2026-11-01T06:00:00Z")))
                .isCloseTo(0.25, within(1e-12));
        assertThat(PacingService.elapsedFraction(day, Instant.parse("2026-11-05T00:00:00Z")))
                .isEqualTo(1.0);
    }
}
