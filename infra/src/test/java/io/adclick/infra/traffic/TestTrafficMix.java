package io.adclick.infra.traffic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TestTrafficMix {
    private static final int SAMPLES = 200_000;

    @Test
    void defaultProportionsSumToOneAndCoverEveryScenario() {
        double total = 0;
        for (Scenario scenario : Scenario.values()) {
            assertThat(TrafficMix.DEFAULT.proportion(scenario))
                    .as(scenario.wireName())
                    .isPositive();
            total += TrafficMix.DEFAULT.proportion(scenario);
        }
        assertThat(total).isCloseTo(1.0, within(1e-9));
    }

    @Test
    void drawsFollowTheProportions() {
        Map<Scenario, Integer> counts = draw(TrafficMix.DEFAULT);

        for (Scenario scenario : Scenario.values()) {
            assertThat(counts.getOrDefault(scenario, 0) / (double) SAMPLES)
                    .as(scenario.wireName())
                    .isCloseTo(TrafficMix.DEFAULT.proportion(scenario), within(0.005));
        }
    }

    @Test
    void weightsAreNormalized() {
        TrafficMix mix = new TrafficMix(Map.of(Scenario.IMPRESSION, 3.0, Scenario.DOUBLE_CLICK, 1.0));

        assertThat(mix.proportion(Scenario.IMPRESSION)).isCloseTo(0.75, within(1e-12));
        assertThat(mix.proportion(Scenario.DOUBLE_CLICK)).isCloseTo(0.25, within(1e-12));
        assertThat(mix.proportion(Scenario.BOT_BURST)).isZero();
    }

    @Test
    void aScenarioSetToZeroIsNeverDrawn() {
        TrafficMix mix = TrafficMix.DEFAULT.with(Map.of(Scenario.IMPRESSION, 0.0, Scenario.BOT_BURST, 0.0));

        Map<Scenario, Integer> counts = draw(mix);

        assertThat(counts).doesNotContainKeys(Scenario.IMPRESSION, Scenario.BOT_BURST);
        assertThat(counts.get(Scenario.IMPRESSION_AND_CLICK) / (double) SAMPLES).isCloseTo(0.14 / 0.39, within(0.01));
    }

    @Test
    void rejectsNegativeProportions() {
        assertThatThrownBy(() -> TrafficMix.DEFAULT.with(Map.of(Scenario.LATE_EVENTS, -0.1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("late_events");
    }

    @Test
    void rejectsAnEmptyMix() {
        assertThatThrownBy(() -> new TrafficMix(Map.of(Scenario.IMPRESSION, 0.0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("empty");
    }

    private static Map<Scenario, Integer> draw(TrafficMix mix) {
        SplittableRandom random = new SplittableRandom(7);
        Map<Scenario, Integer> counts = new EnumMap<>(Scenario.class);
        for (int i = 0; i < SAMPLES; i++) {
            counts.merge(mix.pick(random), 1, Integer::sum);
        }
        return counts;
    }
}
