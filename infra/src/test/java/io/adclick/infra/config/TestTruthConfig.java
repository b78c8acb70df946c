package io.adclick.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestTruthConfig {
    @Test
    void defaultsSuitTheEmbeddedStack() {
        assertThat(TruthConfig.defaults())
                .isEqualTo(new TruthConfig(
                        "2g",
                        true,
                        Duration.ofMinutes(2),
                        Duration.ofMinutes(1),
                        24,
                        Duration.ofHours(6),
                        Duration.ofHours(6),
                        Duration.ofMinutes(30)));
    }

    @Test
    void everyEnvironmentVariableOverridesItsDefault() {
        TruthConfig config = TruthConfig.fromEnvironment(Map.of(
                "ADCLICK_TRUTH_SPARK_HEAP", "3g",
                "ADCLICK_TRUTH_SCHEDULER", "off",
                "ADCLICK_TRUTH_GRACE_SECONDS", "600",
                "ADCLICK_TRUTH_CHECK_INTERVAL_SECONDS", "30",
                "ADCLICK_TRUTH_WINDOW_HOURS", "48",
                "ADCLICK_TRUTH_DAILY_INTERVAL_MINUTES", "1440",
                "ADCLICK_TRUTH_MAINTAIN_INTERVAL_MINUTES", "60",
                "ADCLICK_TRUTH_RUN_TIMEOUT_MINUTES", "90"));

        assertThat(config)
                .isEqualTo(new TruthConfig(
                        "3g",
                        false,
                        Duration.ofMinutes(10),
                        Duration.ofSeconds(30),
                        48,
                        Duration.ofDays(1),
                        Duration.ofHours(1),
                        Duration.ofMinutes(90)));
    }

    @Test
    void aBadValueNamesItsVariable() {
        assertThatThrownBy(() -> TruthConfig.fromEnvironment(Map.of("ADCLICK_TRUTH_SCHEDULER", "maybe")))
                .hasMessageContaining("ADCLICK_TRUTH_SCHEDULER=\"maybe\"")
                .hasMessageContaining("use on or off");
        assertThatThrownBy(() -> TruthConfig.fromEnvironment(Map.of("ADCLICK_TRUTH_CHECK_INTERVAL_SECONDS", "1")))
                .hasMessageContaining("ADCLICK_TRUTH_CHECK_INTERVAL_SECONDS");
    }
}
