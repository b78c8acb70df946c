package io.adclick.infra.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.adclick.infra.config.StreamConfig.StateBackend;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestStreamConfig {
    @Test
    void defaultsSuitTheEmbeddedStack() {
        assertThat(StreamConfig.defaults())
                .isEqualTo(new StreamConfig(
                        "1g", StateBackend.HASHMAP, 2, Duration.ofSeconds(5), Duration.ofSeconds(2), 8088));
    }

    @Test
    void everyEnvironmentVariableOverridesItsDefault() {
        StreamConfig config = StreamConfig.fromEnvironment(Map.of(
                "ADCLICK_STREAM_HEAP", "2g",
                "ADCLICK_STREAM_STATE_BACKEND", "rocksdb",
                "ADCLICK_STREAM_PARALLELISM", "4",
                "ADCLICK_STREAM_CHECKPOINT_INTERVAL_SECONDS", "10",
                "ADCLICK_STREAM_EARLY_FIRE_INTERVAL_MS", "0",
                "ADCLICK_STREAM_REST_PORT", "18088"));

        assertThat(config)
                .isEqualTo(
                        new StreamConfig("2g", StateBackend.ROCKSDB, 4, Duration.ofSeconds(10), Duration.ZERO, 18088));
    }

    @Test
    void aBadValueNamesItsVariable() {
        assertThatThrownBy(() -> StreamConfig.fromEnvironment(Map.of("ADCLICK_STREAM_STATE_BACKEND", "memory")))
                .hasMessageContaining("ADCLICK_STREAM_STATE_BACKEND=\"memory\"")
                .hasMessageContaining("use hashmap or rocksdb");
        assertThatThrownBy(
                        () -> StreamConfig.fromEnvironment(Map.of("ADCLICK_STREAM_CHECKPOINT_INTERVAL_SECONDS", "0")))
                .hasMessageContaining("ADCLICK_STREAM_CHECKPOINT_INTERVAL_SECONDS");
        assertThatThrownBy(() -> StreamConfig.fromEnvironment(Map.of("ADCLICK_STREAM_EARLY_FIRE_INTERVAL_MS", "5")))
                .hasMessageContaining("ADCLICK_STREAM_EARLY_FIRE_INTERVAL_MS")
                .hasMessageContaining("use 0 to wait for the watermark");
    }

    @Test
    void theJobCountsAsStalledAfterTenIntervalsAndAtLeastAMinute() {
        assertThat(StreamConfig.defaults().stalledAfter()).isEqualTo(Duration.ofMinutes(1));
        assertThat(new StreamConfig("1g", StateBackend.HASHMAP, 2, Duration.ofSeconds(30), Duration.ofSeconds(2), 8088)
                        .stalledAfter())
                .isEqualTo(Duration.ofMinutes(5));
    }
}
