package io.adclick.edge.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Pins every default and every key of the edge's configuration. */
class EdgeConfigTest {
    @Test
    void defaults() {
        try (ApplicationContext context = ApplicationContext.run()) {
            assertThat(context.getBean(KafkaConfig.class))
                    .isEqualTo(new KafkaConfig(
                            "127.0.0.1:9092",
                            Duration.ofSeconds(2),
                            Duration.ofMillis(50),
                            Duration.ZERO,
                            131_072,
                            64L << 20,
                            "lz4",
                            Duration.ofSeconds(120),
                            Duration.ofSeconds(30),
                            Duration.ofSeconds(10)));
            assertThat(context.getBean(SpoolConfig.class))
                    .isEqualTo(new SpoolConfig(
                            Path.of(".adclick/edge/spool"),
                            1L << 30,
                            64L << 20,
                            2000,
                            Duration.ofMillis(100),
                            Duration.ofSeconds(5),
                            Duration.ofSeconds(5)));
            assertThat(context.getBean(TokenConfig.class))
                    .isEqualTo(new TokenConfig(null, Duration.ofHours(24), Duration.ofMinutes(5)));
            assertThat(context.getBean(BatchConfig.class))
                    .isEqualTo(new BatchConfig(1000, 1_048_576, Duration.ofMinutes(5)));
            assertThat(context.getBean(RateLimitConfig.class))
                    .isEqualTo(new RateLimitConfig(true, 200_000, 400_000, 100_000, Duration.ofMinutes(10)));
            assertThat(context.getBean(ClientConfig.class))
                    .isEqualTo(new ClientConfig(false, Duration.ofDays(365), false, 10_000));
            assertThat(context.getBean(OverloadConfig.class))
                    .isEqualTo(new OverloadConfig(true, Duration.ofSeconds(1), 16, 4, 128, 256, 128, 2048));
            assertThat(context.getProperty("micronaut.server.max-request-size", Long.class))
                    .hasValue(1_048_576L);
        }
    }

    @Test
    void explicitKeys() {
        Map<String, Object> properties = Map.ofEntries(
                Map.entry("adclick.edge.kafka.bootstrap-servers", "10.0.0.1:9092,10.0.0.2:9092"),
                Map.entry("adclick.edge.kafka.stall-timeout", "5s"),
                Map.entry("adclick.edge.kafka.max-block", "100ms"),
                Map.entry("adclick.edge.kafka.linger", "2ms"),
                Map.entry("adclick.edge.kafka.batch-size", "65536"),
                Map.entry("adclick.edge.kafka.buffer-memory", "8388608"),
                Map.entry("adclick.edge.kafka.compression", "zstd"),
                Map.entry("adclick.edge.kafka.delivery-timeout", "60s"),
                Map.entry("adclick.edge.kafka.request-timeout", "20s"),
                Map.entry("adclick.edge.kafka.close-timeout", "3s"),
                Map.entry("adclick.edge.spool.dir", "/var/lib/adclick/spool"),
                Map.entry("adclick.edge.spool.max-bytes", "10MB"),
                Map.entry("adclick.edge.spool.segment-bytes", "1MB"),
                Map.entry("adclick.edge.spool.drain-batch-records", "500"),
                Map.entry("adclick.edge.spool.drain-backoff-min", "50ms"),
                Map.entry("adclick.edge.spool.drain-backoff-max", "2s"),
                Map.entry("adclick.edge.spool.full-retry-after", "10s"),
                Map.entry("adclick.edge.signing-keys", "k2:s2,k1:s1"),
                Map.entry("adclick.edge.token-max-age", "1h"),
                Map.entry("adclick.edge.token-max-future-skew", "1m"),
                Map.entry("adclick.edge.batch.max-events", "100"),
                Map.entry("adclick.edge.batch.max-bytes", "65536"),
                Map.entry("adclick.edge.batch.max-event-time-skew", "1m"),
                Map.entry("adclick.edge.rate-limit.enabled", "false"),
                Map.entry("adclick.edge.rate-limit.events-per-second", "10"),
                Map.entry("adclick.edge.rate-limit.burst", "20"),
                Map.entry("adclick.edge.rate-limit.max-sources", "5"),
                Map.entry("adclick.edge.rate-limit.idle-expiry", "1m"),
                Map.entry("adclick.edge.client.trust-forwarded-for", "true"),
                Map.entry("adclick.edge.client.uid-cookie-max-age", "30d"),
                Map.entry("adclick.edge.client.uid-cookie-secure", "true"),
                Map.entry("adclick.edge.client.user-agent-cache-size", "50"),
                Map.entry("adclick.edge.overload.enabled", "false"),
                Map.entry("adclick.edge.overload.retry-after", "3s"),
                Map.entry("adclick.edge.overload.batch-initial-limit", "5"),
                Map.entry("adclick.edge.overload.batch-min-limit", "2"),
                Map.entry("adclick.edge.overload.batch-max-limit", "10"),
                Map.entry("adclick.edge.overload.tracking-initial-limit", "50"),
                Map.entry("adclick.edge.overload.tracking-min-limit", "20"),
                Map.entry("adclick.edge.overload.tracking-max-limit", "100"));
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            assertThat(context.getBean(KafkaConfig.class))
                    .isEqualTo(new KafkaConfig(
                            "10.0.0.1:9092,10.0.0.2:9092",
                            Duration.ofSeconds(5),
                            Duration.ofMillis(100),
                            Duration.ofMillis(2),
                            65_536,
                            8L << 20,
                            "zstd",
                            Duration.ofSeconds(60),
                            Duration.ofSeconds(20),
                            Duration.ofSeconds(3)));
            assertThat(context.getBean(SpoolConfig.class))
                    .isEqualTo(new SpoolConfig(
                            Path.of("/var/lib/adclick/spool"),
                            10L << 20,
                            1L << 20,
                            500,
                            Duration.ofMillis(50),
                            Duration.ofSeconds(2),
                            Duration.ofSeconds(10)));
            TokenConfig token = context.getBean(TokenConfig.class);
            assertThat(token).isEqualTo(new TokenConfig("k2:s2,k1:s1", Duration.ofHours(1), Duration.ofMinutes(1)));
            assertThat(token.keys().signingKid()).isEqualTo("k2");
            assertThat(context.getBean(BatchConfig.class))
                    .isEqualTo(new BatchConfig(100, 65_536, Duration.ofMinutes(1)));
            assertThat(context.getBean(RateLimitConfig.class))
                    .isEqualTo(new RateLimitConfig(false, 10, 20, 5, Duration.ofMinutes(1)));
            assertThat(context.getBean(ClientConfig.class))
                    .isEqualTo(new ClientConfig(true, Duration.ofDays(30), true, 50));
            assertThat(context.getBean(OverloadConfig.class))
                    .isEqualTo(new OverloadConfig(false, Duration.ofSeconds(3), 5, 2, 10, 50, 20, 100));
            assertThat(context.getProperty("micronaut.server.max-request-size", Long.class))
                    .hasValue(65_536L);
        }
    }

    @Test
    void refusesInvalidValues() {
        try (ApplicationContext context = ApplicationContext.run(Map.of("adclick.edge.kafka.compression", "brotli"))) {
            assertThatThrownBy(() -> context.getBean(KafkaConfig.class)).hasMessageContaining("compression");
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of("adclick.edge.batch.max-events", "0"))) {
            assertThatThrownBy(() -> context.getBean(BatchConfig.class)).hasMessageContaining("maxEvents");
        }
        try (ApplicationContext context =
                ApplicationContext.run(Map.of("adclick.edge.overload.batch-min-limit", "100"))) {
            assertThatThrownBy(() -> context.getBean(OverloadConfig.class))
                    .hasMessageContaining("adclick.edge.overload.batch-*-limit");
        }
    }
}
