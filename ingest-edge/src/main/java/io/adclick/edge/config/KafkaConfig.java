package io.adclick.edge.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.bind.annotation.Bindable;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;

/**
 * How the edge writes to Kafka ({@code adclick.edge.kafka.*}).
 *
 * @param bootstrapServers the brokers, {@code host:port[,host:port]}
 * @param stallTimeout how long Kafka may acknowledge nothing while sends are outstanding before the
 *     edge treats it as down and spools; a request waits for its acks as long as Kafka makes
 *     progress, however slowly (a slow broker is backpressure, not an outage)
 * @param maxBlock the producer's {@code max.block.ms}: how long a send may wait for metadata or
 *     buffer space; small, so a down broker fails fast
 * @param linger the producer's {@code linger.ms}; 0 measured best for both batch throughput and
 *     {@code /c} latency (see docs/benchmarks.md): batches still form under load while requests are
 *     in flight
 * @param batchSize the producer's {@code batch.size} in bytes
 * @param bufferMemory the producer's {@code buffer.memory} in bytes: records waiting to be sent or
 *     acknowledged; a send that finds it full is spooled without counting as an outage
 * @param compression the producer's {@code compression.type}; lz4 measured 1.5x the batch throughput
 *     of zstd
 * @param deliveryTimeout the producer's {@code delivery.timeout.ms}: how long the producer retries
 * @param requestTimeout the producer's {@code request.timeout.ms}
 * @param closeTimeout how long shutdown waits for the producer to flush
 */
@ConfigurationProperties("adclick.edge.kafka")
public record KafkaConfig(
        @Bindable(defaultValue = "127.0.0.1:9092") @NotBlank String bootstrapServers,
        @Bindable(defaultValue = "2s") @NotNull Duration stallTimeout,
        @Bindable(defaultValue = "50ms") @NotNull Duration maxBlock,
        @Bindable(defaultValue = "0ms") @NotNull Duration linger,
        @Bindable(defaultValue = "131072") @Min(1024) int batchSize,
        @Bindable(defaultValue = "67108864") @Min(1_048_576) long bufferMemory,
        @Bindable(defaultValue = "lz4") @Pattern(regexp = "none|gzip|snappy|lz4|zstd") String compression,
        @Bindable(defaultValue = "120s") @NotNull Duration deliveryTimeout,
        @Bindable(defaultValue = "30s") @NotNull Duration requestTimeout,
        @Bindable(defaultValue = "10s") @NotNull Duration closeTimeout) {

    public KafkaConfig {
        if (deliveryTimeout.compareTo(linger.plus(requestTimeout)) < 0) {
            throw new IllegalArgumentException(
                    "Invalid adclick.edge.kafka.delivery-timeout: %s (must be at least linger + request-timeout = %s)"
                            .formatted(deliveryTimeout, linger.plus(requestTimeout)));
        }
    }
}
