package io.adclick.edge.log;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * Makes records durable before a request is answered: in Kafka (acknowledged by all in-sync
 * replicas) or on the local spool. In direct mode a record that Kafka does not acknowledge within
 * the ack timeout goes to the spool and the edge switches to spooling; while spooling, records go
 * to the spool at once. A record may end up in both, as byte-identical copies.
 */
public final class RawLogWriter {
    private final KafkaAppender kafka;
    private final DiskSpool spool;
    private final DeliveryMode mode;
    private final Duration ackTimeout;
    private final Executor sendExecutor;

    /**
     * @param sendExecutor where {@link KafkaAppender#send} runs, so that a producer waiting for
     *     metadata never blocks a request thread
     */
    public RawLogWriter(
            KafkaAppender kafka, DiskSpool spool, DeliveryMode mode, Duration ackTimeout, Executor sendExecutor) {
        this.kafka = requireNonNull(kafka, "kafka is null");
        this.spool = requireNonNull(spool, "spool is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.ackTimeout = requireNonNull(ackTimeout, "ackTimeout is null");
        this.sendExecutor = requireNonNull(sendExecutor, "sendExecutor is null");
    }

    /**
     * Writes {@code records}. The future completes when every record is durable, or fails (for
     * example with {@link SpoolFullException}) when one of them could not be made durable.
     */
    public CompletableFuture<Void> write(List<EdgeRecord> records) {
        requireNonNull(records, "records is null");
        if (records.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        if (mode.isSpooling()) {
            return allOf(records.stream().map(spool::append).toList());
        }
        return CompletableFuture.supplyAsync(
                        () -> records.stream().map(this::sendOrSpool).toList(), sendExecutor)
                .thenCompose(RawLogWriter::allOf);
    }

    private CompletableFuture<Void> sendOrSpool(EdgeRecord record) {
        if (mode.isSpooling()) {
            return spool.append(record);
        }
        return kafka.send(record)
                .orTimeout(ackTimeout.toNanos(), TimeUnit.NANOSECONDS)
                .exceptionallyCompose(failure -> {
                    mode.switchToSpooling(failure);
                    return spool.append(record);
                });
    }

    private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }
}
