package io.adclick.edge.log;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.BufferExhaustedException;

/**
 * Makes records durable before a request is answered: in Kafka (acknowledged by all in-sync
 * replicas) or on the local spool.
 *
 * <p>A slow Kafka is not an outage. In direct mode a request waits for its acknowledgements for
 * as long as Kafka keeps acknowledging something ({@link AckProgress}); the edge's concurrency
 * limit pushes back on clients meanwhile. Only when Kafka acknowledges nothing for the stall
 * timeout, or a send fails, does the edge spool the records still waiting and switch to spooling,
 * which the drainer ends once the spool is empty and Kafka answers again. While spooling, records go
 * to the spool at once. A record may end up in both, as byte-identical copies.
 */
public final class RawLogWriter {
    private final KafkaAppender kafka;
    private final DiskSpool spool;
    private final DeliveryMode mode;
    private final AckProgress progress;
    private final Duration stallTimeout;
    private final Executor sendExecutor;
    private final ScheduledExecutorService stallChecks;

    /**
     * @param progress the acknowledgement progress that {@code kafka} reports to
     * @param stallTimeout how long Kafka may acknowledge nothing while sends are outstanding before
     *     it counts as down
     * @param sendExecutor where {@link KafkaAppender#send} runs, so that a producer waiting for
     *     metadata never blocks a request thread
     * @param stallChecks runs the stall checks of requests still waiting
     */
    public RawLogWriter(
            KafkaAppender kafka,
            DiskSpool spool,
            DeliveryMode mode,
            AckProgress progress,
            Duration stallTimeout,
            Executor sendExecutor,
            ScheduledExecutorService stallChecks) {
        this.kafka = requireNonNull(kafka, "kafka is null");
        this.spool = requireNonNull(spool, "spool is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.progress = requireNonNull(progress, "progress is null");
        this.stallTimeout = requireNonNull(stallTimeout, "stallTimeout is null");
        if (stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("Invalid stall timeout: " + stallTimeout + " (must be positive)");
        }
        this.sendExecutor = requireNonNull(sendExecutor, "sendExecutor is null");
        this.stallChecks = requireNonNull(stallChecks, "stallChecks is null");
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
                        () -> records.stream().map(this::deliver).toList(), sendExecutor)
                .thenCompose(this::awaitDurable);
    }

    private Delivery deliver(EdgeRecord record) {
        Delivery delivery = new Delivery(record);
        if (mode.isSpooling()) {
            delivery.spool();
            return delivery;
        }
        kafka.send(record).whenComplete((acked, failure) -> {
            if (failure == null) {
                delivery.durable.complete(null);
                return;
            }
            if (!(failure instanceof BufferExhaustedException)) {
                mode.switchToSpooling("a send failed: " + failure);
            }
            delivery.spool();
        });
        return delivery;
    }

    private CompletableFuture<Void> awaitDurable(List<Delivery> deliveries) {
        CompletableFuture<Void> all =
                allOf(deliveries.stream().map(delivery -> delivery.durable).toList());
        watchForStall(all, deliveries);
        return all;
    }

    private void watchForStall(CompletableFuture<Void> all, List<Delivery> deliveries) {
        if (all.isDone()) {
            return;
        }
        ScheduledFuture<?> check =
                stallChecks.schedule(() -> checkStall(all, deliveries), stallTimeout.toNanos(), TimeUnit.NANOSECONDS);
        all.whenComplete((done, failure) -> check.cancel(false));
    }

    private void checkStall(CompletableFuture<Void> all, List<Delivery> deliveries) {
        if (all.isDone()) {
            return;
        }
        if (progress.isStalled(stallTimeout)) {
            mode.switchToSpooling("Kafka acknowledged nothing for " + stallTimeout);
            deliveries.forEach(Delivery::spoolIfWaiting);
        } else {
            watchForStall(all, deliveries);
        }
    }

    private static CompletableFuture<Void> allOf(List<CompletableFuture<Void>> futures) {
        return CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new));
    }

    /** One record on its way: durable once Kafka acknowledged it or the spool holds it. */
    private final class Delivery {
        private final EdgeRecord record;
        private final CompletableFuture<Void> durable = new CompletableFuture<>();
        private final AtomicBoolean spooled = new AtomicBoolean();

        Delivery(EdgeRecord record) {
            this.record = record;
        }

        void spoolIfWaiting() {
            if (!durable.isDone()) {
                spool();
            }
        }

        void spool() {
            if (spooled.compareAndSet(false, true)) {
                spool.append(record).whenComplete((appended, failure) -> {
                    if (failure == null) {
                        durable.complete(null);
                    } else {
                        durable.completeExceptionally(failure);
                    }
                });
            }
        }
    }
}
