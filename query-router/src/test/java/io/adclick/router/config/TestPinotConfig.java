package io.adclick.router.config;

import static io.adclick.router.config.ConfigPins.assertDefaults;
import static io.adclick.router.config.ConfigPins.assertFullMapping;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestPinotConfig {
    @Test
    void defaults() {
        assertDefaults(PinotConfig.class, new PinotConfig("http://127.0.0.1:8099", Duration.ofSeconds(5), 200_000));
    }

    @Test
    void everyKeyMaps() {
        assertFullMapping(
                PinotConfig.class,
                Map.of(
                        "adclick.router.pinot.broker-url", "https://pinot.example:443",
                        "adclick.router.pinot.query-timeout", "750ms",
                        "adclick.router.pinot.max-rows", "1000"),
                new PinotConfig("https://pinot.example:443", Duration.ofMillis(750), 1000));
    }

    @Test
    void invalidValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> new PinotConfig("pinot:8099", Duration.ofSeconds(5), 1))
                .hasMessageContaining("adclick.router.pinot.broker-url");
        assertThatThrownBy(() -> new PinotConfig("http://pinot:8099", Duration.ZERO, 1))
                .hasMessageContaining("adclick.router.pinot.query-timeout");
        assertThatThrownBy(() -> new PinotConfig("http://pinot:8099", Duration.ofSeconds(5), 0))
                .hasMessageContaining("adclick.router.pinot.max-rows");
    }
}
