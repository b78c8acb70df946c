package io.adclick.edge.metrics;

import static java.util.Objects.requireNonNull;

import io.adclick.edge.log.AckProgress;
import io.adclick.edge.log.DeliveryMode;
import io.adclick.edge.log.DiskSpool;
import io.adclick.edge.log.KafkaStatus;
import io.adclick.schemas.event.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;

/**
 * The edge's own meters, next to Micronaut's {@code http.server.requests} (requests by endpoint
 * and status): events accepted by type, rejections by reason, Kafka ack latency, and the spool.
 */
@Singleton
public final class EdgeMetrics {
    private static final String PREFIX = "adclick.edge.";

    private final MeterRegistry registry;
    private final Timer kafkaSendLatency;
    private final Counter spoolDrainedRecords;
    private final Counter spoolDrainedBatches;

    public EdgeMetrics(MeterRegistry registry) {
        this.registry = requireNonNull(registry, "registry is null");
        this.kafkaSendLatency = Timer.builder(PREFIX + "kafka.send")
                .description("Time from a send to Kafka until its ack or failure")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        this.spoolDrainedRecords = Counter.builder(PREFIX + "spool.drained.records")
                .description("Records delivered from the spool to Kafka")
                .register(registry);
        this.spoolDrainedBatches = Counter.builder(PREFIX + "spool.drains")
                .description("Batches delivered from the spool to Kafka")
                .register(registry);
        for (EventType type : EventType.values()) {
            eventAccepted(type, 0);
        }
    }

    /** Counts {@code count} accepted events of {@code type}. */
    public void eventAccepted(EventType type, int count) {
        Counter.builder(PREFIX + "events.accepted")
                .description("Events acknowledged to clients, by type")
                .tag("type", type.wireName())
                .register(registry)
                .increment(count);
    }

    /** Counts one rejected event or request, by its error code. */
    public void rejected(String reason) {
        Counter.builder(PREFIX + "rejections")
                .description("Rejected events and requests, by reason")
                .tag("reason", reason)
                .register(registry)
                .increment();
    }

    public Timer kafkaSendLatency() {
        return kafkaSendLatency;
    }

    public Counter spoolDrainedRecords() {
        return spoolDrainedRecords;
    }

    public Counter spoolDrainedBatches() {
        return spoolDrainedBatches;
    }

    /** Publishes the records sent to Kafka and not yet acknowledged as a gauge. */
    public void bind(AckProgress progress) {
        Gauge.builder(PREFIX + "kafka.outstanding", progress, AckProgress::outstanding)
                .description("Records sent to Kafka and neither acknowledged nor failed yet")
                .register(registry);
    }

    /** Publishes the spool depth, the delivery mode and Kafka's reachability as gauges. */
    public void bind(DiskSpool spool, DeliveryMode mode, KafkaStatus kafka) {
        Gauge.builder(PREFIX + "spool.depth.records", spool, DiskSpool::depthRecords)
                .description("Records in the spool waiting for Kafka")
                .register(registry);
        Gauge.builder(PREFIX + "spool.depth.bytes", spool, DiskSpool::depthBytes)
                .description("Bytes in the spool waiting for Kafka")
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder(PREFIX + "spool.max.bytes", spool, DiskSpool::maxBytes)
                .baseUnit("bytes")
                .register(registry);
        Gauge.builder(PREFIX + "spooling", mode, m -> m.isSpooling() ? 1 : 0)
                .description("1 while new events go to the spool instead of Kafka")
                .register(registry);
        FunctionCounter.builder(PREFIX + "spooling.switches", mode, DeliveryMode::switchesToSpooling)
                .description("Times the edge went from sending to Kafka to spooling (Kafka stalled or failed)")
                .register(registry);
        Gauge.builder(PREFIX + "kafka.up", kafka, k -> k.isUp() ? 1 : 0)
                .description("1 when the last contact with Kafka succeeded")
                .register(registry);
    }
}
