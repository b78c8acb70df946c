package io.adclick.router.config;

import static io.adclick.router.config.ConfigPins.assertDefaults;
import static io.adclick.router.config.ConfigPins.assertFullMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPipelineConfig {
    @Test
    void defaults() {
        assertDefaults(PipelineConfig.class, new PipelineConfig(Duration.ofSeconds(15), Duration.ofDays(7)));
    }

    @Test
    void everyKeyMaps() {
        assertFullMapping(
                PipelineConfig.class,
                Map.of(
                        "adclick.router.pipeline.refresh-interval", "2s",
                        "adclick.router.pipeline.window", "24h"),
                new PipelineConfig(Duration.ofSeconds(2), Duration.ofHours(24)));
    }

    @Test
    void defaultsAreAFifteenSecondRefreshAndASevenDayWindow() {
        try (ApplicationContext context = ApplicationContext.run("test")) {
            PipelineConfig config = context.getBean(PipelineConfig.class);
            assertThat(config.refreshInterval()).isEqualTo(Duration.ofSeconds(15));
            assertThat(config.window()).isEqualTo(Duration.ofDays(7));
        }
    }

    @Test
    void keysMapToTheRecord() {
        try (ApplicationContext context = ApplicationContext.builder("test")
                .properties(Map.of(
                        "adclick.router.pipeline.refresh-interval", "2s",
                        "adclick.router.pipeline.window", "24h"))
                .start()) {
            PipelineConfig config = context.getBean(PipelineConfig.class);
            assertThat(config.refreshInterval()).isEqualTo(Duration.ofSeconds(2));
            assertThat(config.window()).isEqualTo(Duration.ofHours(24));
        }
    }

    @Test
    void aRefreshFasterThanOneSecondIsRefusedWithWhatToUse() {
        assertThatThrownBy(() -> new PipelineConfig(Duration.ofMillis(100), Duration.ofDays(7)))
                .hasMessageContaining("adclick.router.pipeline.refresh-interval")
                .hasMessageContaining("15s");
    }

    @Test
    void aWindowShorterThanOneHourIsRefused() {
        assertThatThrownBy(() -> new PipelineConfig(Duration.ofSeconds(15), Duration.ofMinutes(5)))
                .hasMessageContaining("adclick.router.pipeline.window")
                .hasMessageContaining("7d");
    }
}
