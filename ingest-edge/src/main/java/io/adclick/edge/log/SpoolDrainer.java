package io.adclick.edge.log;

import static java.util.Objects.requireNonNull;

import io.micrometer.core.instrument.Counter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one background thread that moves spooled records to Kafka, in order and in batches: it
 * sends a batch, waits for every ack, then commits the batch in the spool. While Kafka is down it
 * backs off exponentially. When the spool is empty and Kafka answers, it switches the edge back
 * to direct mode.
 */
public final class SpoolDrainer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(SpoolDrainer.class);
    private static final Duration IDLE_POLL = Duration.ofMillis(20);
    private static final Duration ACK_POLL = Duration.ofMillis(200);

    private final DiskSpool spool;
    private final KafkaAppender kafka;
    private final DeliveryMode mode;
    private final Set<String> topics;
    private final int batchRecords;
    private final Duration backoffMin;
    private final Duration backoffMax;
    private final Counter drainedRecords;
    private final Counter drainedBatches;
    private final Thread thread;
    private volatile boolean running = true;
    private Duration backoff;

    /**
     * @param topics the topics whose metadata must be available before the edge goes direct
     * @param drainedRecords counts records delivered from the spool
     * @param drainedBatches counts batches delivered from the spool
     */
    public SpoolDrainer(
            DiskSpool spool,
            KafkaAppender kafka,
            DeliveryMode mode,
            Set<String> topics,
            int batchRecords,
            Duration backoffMin,
            Duration backoffMax,
            Counter drainedRecords,
            Counter drainedBatches) {
        this.spool = requireNonNull(spool, "spool is null");
        this.kafka = requireNonNull(kafka, "kafka is null");
        this.mode = requireNonNull(mode, "mode is null");
        this.topics = Set.copyOf(requireNonNull(topics, "topics is null"));
        if (batchRecords < 1) {
            throw new IllegalArgumentException("Invalid drain batch size: " + batchRecords + " (must be positive)");
        }
        this.batchRecords = batchRecords;
        this.backoffMin = requireNonNull(backoffMin, "backoffMin is null");
        this.backoffMax = requireNonNull(backoffMax, "backoffMax is null");
        this.drainedRecords = requireNonNull(drainedRecords, "drainedRecords is null");
        this.drainedBatches = requireNonNull(drainedBatches, "drainedBatches is null");
        this.backoff = backoffMin;
        this.thread = new Thread(this::run, "edge-spool-drainer");
        this.thread.setDaemon(true);
    }

    /** Starts the drainer thread; later calls do nothing. */
    public synchronized void start() {
        if (thread.getState() == Thread.State.NEW) {
            thread.start();
        }
    }

    private void run() {
        while (running) {
            try {
                if (spool.isEmpty()) {
                    idle();
                } else {
                    drainOneBatch();
                }
            } catch (RuntimeException e) {
                LOG.error("Cannot drain the spool; retrying in {}", backoff, e);
                pause();
            }
        }
    }

    private void idle() {
        if (mode.isSpooling()) {
            if (kafka.probe(topics) && spool.isEmpty()) {
                mode.switchToDirect();
                backoff = backoffMin;
            } else {
                pause();
            }
            return;
        }
        LockSupport.parkNanos(IDLE_POLL.toNanos());
    }

    private void drainOneBatch() {
        SpoolBatch batch = spool.read(batchRecords);
        if (batch.isEmpty()) {
            LockSupport.parkNanos(IDLE_POLL.toNanos());
            return;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(batch.records().size());
        for (EdgeRecord record : batch.records()) {
            CompletableFuture<Void> ack = kafka.send(record);
            acks.add(ack);
            if (ack.isCompletedExceptionally()) {
                break;
            }
        }
        Throwable failure = awaitAll(acks);
        if (failure == null && acks.size() == batch.records().size()) {
            spool.commit(batch);
            drainedRecords.increment(batch.records().size());
            drainedBatches.increment();
            backoff = backoffMin;
        } else if (running) {
            LOG.debug("Kafka refused spooled records ({}); retrying in {}", failure, backoff);
            pause();
        }
    }

    private Throwable awaitAll(List<CompletableFuture<Void>> acks) {
        CompletableFuture<Void> all = CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new));
        while (running) {
            try {
                all.get(ACK_POLL.toNanos(), TimeUnit.NANOSECONDS);
                return null;
            } catch (TimeoutException e) {
                // Keep waiting: the producer fails the sends by itself after delivery.timeout.ms.
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return e;
            }
        }
        return new IllegalStateException("The drainer stopped before Kafka acknowledged the batch");
    }

    private void pause() {
        LockSupport.parkNanos(backoff.toNanos());
        Duration doubled = backoff.multipliedBy(2);
        backoff = doubled.compareTo(backoffMax) > 0 ? backoffMax : doubled;
    }

    /** Stops the thread after its current batch; undelivered records stay in the spool. */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(Duration.ofSeconds(30).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
