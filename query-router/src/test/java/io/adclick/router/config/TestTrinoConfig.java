package io.adclick.router.config;

import static io.adclick.router.config.ConfigPins.assertDefaults;
import static io.adclick.router.config.ConfigPins.assertFullMapping;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TestTrinoConfig {
    @Test
    void defaults() {
        assertDefaults(
                TrinoConfig.class,
                new TrinoConfig(
                        "http://127.0.0.1:8082", "iceberg", "adclick", "adclick-router", Duration.ofSeconds(60)));
    }

    @Test
    void everyKeyMaps() {
        assertFullMapping(
                TrinoConfig.class,
                Map.of(
                        "adclick.router.trino.url", "https://trino.example:8443",
                        "adclick.router.trino.catalog", "lake",
                        "adclick.router.trino.schema", "ads",
                        "adclick.router.trino.user", "reporting",
                        "adclick.router.trino.query-timeout", "2m"),
                new TrinoConfig("https://trino.example:8443", "lake", "ads", "reporting", Duration.ofMinutes(2)));
    }

    @Test
    void theJdbcUrlNamesCatalogSchemaUtcAndTls() {
        assertThat(new TrinoConfig("https://trino.example:8443/", "lake", "ads", "reporting", Duration.ofMinutes(2))
                        .jdbcUrl())
                .isEqualTo("jdbc:trino://trino.example:8443/lake/ads?timezone=UTC&SSL=true");
    }

    @Test
    void invalidValuesAreRefusedNamingTheKey() {
        assertThatThrownBy(() -> new TrinoConfig("trino:8082", "iceberg", "adclick", "u", Duration.ofSeconds(1)))
                .hasMessageContaining("adclick.router.trino.url");
        assertThatThrownBy(
                        () -> new TrinoConfig("http://trino:8082", "Ice-berg", "adclick", "u", Duration.ofSeconds(1)))
                .hasMessageContaining("adclick.router.trino catalog");
    }
}
