package io.adclick.stream.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class TestEstimatesConfig {
    @Test
    void defaults() {
        EstimatesConfig config = EstimatesConfig.defaults();

        assertThat(config.maxOutOfOrderness()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.idleness()).isEqualTo(Duration.ofSeconds(30));
        assertThat(config.allowedLateness()).isEqualTo(Duration.ofMinutes(10));
        assertThat(config.dedupTtl()).isEqualTo(Duration.ofHours(25));
        assertThat(config.firstClickTtl()).isEqualTo(Duration.ofHours(25));
        assertThat(config.preAggregationMaxKeys()).isEqualTo(50_000);
        assertThat(config.sketchLgNominalEntries()).isEqualTo(12);
        assertThat(config.updateMaxDelay()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.earlyFireInterval()).isEqualTo(Duration.ofSeconds(2));
    }

    @Test
    void everyWitherChangesOnlyItsKnob() {
        EstimatesConfig config = EstimatesConfig.defaults()
                .withMaxOutOfOrderness(Duration.ofSeconds(1))
                .withIdleness(Duration.ofSeconds(2))
                .withAllowedLateness(Duration.ofSeconds(3))
                .withDedupTtl(Duration.ofSeconds(4))
                .withFirstClickTtl(Duration.ofSeconds(5))
                .withPreAggregationMaxKeys(6)
                .withSketchLgNominalEntries(7)
                .withUpdateMaxDelay(Duration.ofSeconds(8))
                .withEarlyFireInterval(Duration.ofSeconds(9));

        assertThat(config)
                .isEqualTo(new EstimatesConfig(
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(3),
                        Duration.ofSeconds(4),
                        Duration.ofSeconds(5),
                        6,
                        7,
                        Duration.ofSeconds(8),
                        Duration.ofSeconds(9)));
    }

    @Test
    void refusesValuesThatCannotWorkNamingTheKey() {
        assertThatThrownBy(() -> EstimatesConfig.defaults().withPreAggregationMaxKeys(0))
                .hasMessageContaining("pre-aggregation-max-keys: 0");
        assertThatThrownBy(() -> EstimatesConfig.defaults().withAllowedLateness(Duration.ofSeconds(-1)))
                .hasMessageContaining("allowed-lateness");
        assertThatThrownBy(() -> EstimatesConfig.defaults().withDedupTtl(Duration.ZERO))
                .hasMessageContaining("dedup-ttl");
        assertThatThrownBy(() -> EstimatesConfig.defaults().withSketchLgNominalEntries(30))
                .hasMessageContaining("sketch-lg-nominal-entries: 30");
        assertThatThrownBy(() -> EstimatesConfig.defaults().withEarlyFireInterval(Duration.ofMillis(10)))
                .hasMessageContaining("early-fire-interval: PT0.01S");
    }

    @Test
    void zeroDisablesEarlyFirings() {
        assertThat(EstimatesConfig.defaults()
                        .withEarlyFireInterval(Duration.ZERO)
                        .earlyFireInterval())
                .isZero();
    }
}
