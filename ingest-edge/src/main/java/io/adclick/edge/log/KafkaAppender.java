package io.adclick.edge.log;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;

/**
 * Sends records to Kafka and turns the producer's callbacks into futures, recording the ack
 * latency, the acknowledgement progress and whether Kafka is reachable.
 */
public final class KafkaAppender implements AutoCloseable {
    private final Producer<byte[], byte[]> producer;
    private final KafkaStatus status;
    private final AckProgress progress;
    private final Timer sendLatency;
    private final Duration closeTimeout;

    public KafkaAppender(
            Producer<byte[], byte[]> producer,
            KafkaStatus status,
            AckProgress progress,
            Timer sendLatency,
            Duration closeTimeout) {
        this.producer = requireNonNull(producer, "producer is null");
        this.status = requireNonNull(status, "status is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.sendLatency = requireNonNull(sendLatency, "sendLatency is null");
        this.closeTimeout = requireNonNull(closeTimeout, "closeTimeout is null");
    }

    /**
     * Sends {@code record}; the future completes when Kafka acknowledged it. May block the caller
     * up to the producer's {@code max.block.ms} while metadata or buffer space is missing; a full
     * buffer fails the future with {@link BufferExhaustedException} and leaves Kafka's status as
     * it was (Kafka is slow, not gone).
     */
    public CompletableFuture<Void> send(EdgeRecord record) {
        requireNonNull(record, "record is null");
        CompletableFuture<Void> acked = new CompletableFuture<>();
        long start = System.nanoTime();
        progress.sent();
        try {
            producer.send(new ProducerRecord<>(record.topic(), record.key(), record.value()), (metadata, error) -> {
                sendLatency.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
                if (error == null) {
                    progress.acknowledged();
                    status.markUp();
                    acked.complete(null);
                } else {
                    failed(acked, error);
                }
            });
        } catch (KafkaException | IllegalStateException e) {
            failed(acked, e);
        }
        return acked;
    }

    private void failed(CompletableFuture<Void> acked, Exception error) {
        progress.failed();
        if (!(error instanceof BufferExhaustedException)) {
            status.markDown(error);
        }
        acked.completeExceptionally(error);
    }

    /**
     * Asks Kafka for the partitions of {@code topics}, waiting at most {@code max.block.ms}.
     *
     * @return whether Kafka answered for all of them
     */
    public boolean probe(Collection<String> topics) {
        try {
            for (String topic : topics) {
                producer.partitionsFor(topic);
            }
            status.markUp();
            return true;
        } catch (KafkaException e) {
            status.markDown(e);
            return false;
        }
    }

    /** Sends what the producer still buffers, waiting at most the close timeout, and closes it. */
    @Override
    public void close() {
        producer.close(closeTimeout);
    }
}
