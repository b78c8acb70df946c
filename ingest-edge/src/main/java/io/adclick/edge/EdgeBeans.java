package io.adclick.edge;

import io.adclick.edge.client.DeviceClassifier;
import io.adclick.edge.config.ClientConfig;
import io.adclick.edge.config.KafkaConfig;
import io.adclick.edge.config.OverloadConfig;
import io.adclick.edge.config.RateLimitConfig;
import io.adclick.edge.config.SpoolConfig;
import io.adclick.edge.config.TokenConfig;
import io.adclick.edge.log.AckProgress;
import io.adclick.edge.log.DeliveryMode;
import io.adclick.edge.log.DiskSpool;
import io.adclick.edge.log.KafkaAppender;
import io.adclick.edge.log.KafkaStatus;
import io.adclick.edge.log.RawLogWriter;
import io.adclick.edge.log.SpoolDrainer;
import io.adclick.edge.metrics.EdgeMetrics;
import io.adclick.edge.overload.ConcurrencyLimits;
import io.adclick.edge.ratelimit.SourceRateLimiter;
import io.adclick.schemas.token.TokenVerifier;
import io.adclick.schemas.wire.Topics;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/** Wires the edge's plain-Java components from the typed configuration. */
@Factory
public class EdgeBeans {
    /** Topics the edge writes; their metadata must be available before it sends directly. */
    static final Set<String> TOPICS = Set.of(Topics.EVENTS_RAW, Topics.EVENTS_QUARANTINE);

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    TokenVerifier tokenVerifier(TokenConfig config) {
        return new TokenVerifier(config.keys(), config.policy());
    }

    @Singleton
    DeviceClassifier deviceClassifier(ClientConfig config) {
        return new DeviceClassifier(config.userAgentCacheSize());
    }

    @Singleton
    SourceRateLimiter rateLimiter(RateLimitConfig config) {
        return new SourceRateLimiter(config, TimeMeter.SYSTEM_NANOTIME);
    }

    @Singleton
    KafkaStatus kafkaStatus() {
        return new KafkaStatus();
    }

    @Singleton
    DeliveryMode deliveryMode() {
        return new DeliveryMode();
    }

    @Singleton
    ConcurrencyLimits concurrencyLimits(OverloadConfig config, MeterRegistry registry) {
        return new ConcurrencyLimits(config, registry);
    }

    @Singleton
    AckProgress ackProgress(EdgeMetrics metrics) {
        AckProgress progress = new AckProgress();
        metrics.bind(progress);
        return progress;
    }

    @Singleton
    @Bean(preDestroy = "close")
    DiskSpool diskSpool(SpoolConfig config, DeliveryMode mode, KafkaStatus status, EdgeMetrics metrics) {
        DiskSpool spool = DiskSpool.open(config.dir(), config.maxBytes(), config.segmentBytes());
        metrics.bind(spool, mode, status);
        return spool;
    }

    @Singleton
    @Bean(preDestroy = "close")
    KafkaAppender kafkaAppender(KafkaConfig config, KafkaStatus status, AckProgress progress, EdgeMetrics metrics) {
        Map<String, Object> settings = Map.ofEntries(
                Map.entry(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
                Map.entry(ProducerConfig.CLIENT_ID_CONFIG, "adclick-edge"),
                Map.entry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true),
                Map.entry(ProducerConfig.ACKS_CONFIG, "all"),
                Map.entry(ProducerConfig.COMPRESSION_TYPE_CONFIG, config.compression()),
                Map.entry(ProducerConfig.LINGER_MS_CONFIG, (int) config.linger().toMillis()),
                Map.entry(ProducerConfig.BATCH_SIZE_CONFIG, config.batchSize()),
                Map.entry(ProducerConfig.BUFFER_MEMORY_CONFIG, config.bufferMemory()),
                Map.entry(ProducerConfig.MAX_BLOCK_MS_CONFIG, config.maxBlock().toMillis()),
                Map.entry(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int)
                        config.deliveryTimeout().toMillis()),
                Map.entry(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int)
                        config.requestTimeout().toMillis()),
                Map.entry(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class),
                Map.entry(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class));
        return new KafkaAppender(
                new KafkaProducer<byte[], byte[]>(settings),
                status,
                progress,
                metrics.kafkaSendLatency(),
                config.closeTimeout());
    }

    @Singleton
    @Named("kafka-send")
    @Bean(preDestroy = "shutdown")
    ExecutorService kafkaSendExecutor() {
        return Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "edge-kafka-send");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    @Named("stall-checks")
    @Bean(preDestroy = "shutdown")
    ScheduledExecutorService stallCheckExecutor() {
        ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, "edge-kafka-stall-checks");
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        return executor;
    }

    @Singleton
    RawLogWriter rawLogWriter(
            KafkaAppender kafka,
            DiskSpool spool,
            DeliveryMode mode,
            AckProgress progress,
            KafkaConfig config,
            @Named("kafka-send") ExecutorService sendExecutor,
            @Named("stall-checks") ScheduledExecutorService stallChecks) {
        return new RawLogWriter(kafka, spool, mode, progress, config.stallTimeout(), sendExecutor, stallChecks);
    }

    @Singleton
    @Bean(preDestroy = "close")
    SpoolDrainer spoolDrainer(
            DiskSpool spool, KafkaAppender kafka, DeliveryMode mode, SpoolConfig config, EdgeMetrics metrics) {
        SpoolDrainer drainer = new SpoolDrainer(
                spool,
                kafka,
                mode,
                TOPICS,
                config.drainBatchRecords(),
                config.drainBackoffMin(),
                config.drainBackoffMax(),
                metrics.spoolDrainedRecords(),
                metrics.spoolDrainedBatches());
        return drainer;
    }
}
