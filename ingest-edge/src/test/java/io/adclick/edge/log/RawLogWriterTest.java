package io.adclick.edge.log;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.BufferExhaustedException;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write path: slow Kafka is waited for, a stalled or failing one is spooled; with Kafka's own test producer. */
class RawLogWriterTest {
    private static final EdgeRecord RECORD =
            EdgeRecord.of("events.raw", "imp:1", "{}".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private static final Duration STALL_TIMEOUT = Duration.ofMillis(300);

    private final ExecutorService sendExecutor = Executors.newSingleThreadExecutor();
    private final ScheduledExecutorService stallChecks = Executors.newSingleThreadScheduledExecutor();
    private final DeliveryMode mode = new DeliveryMode();
    private DiskSpool spool;

    @BeforeEach
    void openSpool() {
        spool = DiskSpool.open(dir, 1024 * 1024, 64 * 1024);
    }

    @AfterEach
    void close() {
        spool.close();
        sendExecutor.shutdownNow();
        stallChecks.shutdownNow();
    }

    @Test
    void sendsToKafkaInDirectMode() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(true);
        mode.switchToDirect();

        writer(producer).write(List.of(RECORD)).get(5, TimeUnit.SECONDS);

        assertThat(producer.history()).hasSize(1);
        assertThat(producer.history().get(0).key()).isEqualTo(RECORD.key());
        assertThat(spool.depthRecords()).isZero();
        assertThat(mode.isSpooling()).isFalse();
    }

    @Test
    void spoolsRecordAndSwitchesModeWhenKafkaAcknowledgesNothingForTheStallTimeout() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(false);
        mode.switchToDirect();

        writer(producer).write(List.of(RECORD)).get(5, TimeUnit.SECONDS);

        assertThat(spool.read(10).records()).containsExactly(RECORD);
        assertThat(mode.isSpooling()).isTrue();
        assertThat(mode.switchesToSpooling()).isEqualTo(1);
    }

    @Test
    void waitsForASlowKafkaThatKeepsAcknowledgingInsteadOfSpooling() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(false);
        mode.switchToDirect();
        List<EdgeRecord> records = IntStream.range(0, 8)
                .mapToObj(i -> EdgeRecord.of("events.raw", "imp:" + i, "{}".getBytes(StandardCharsets.UTF_8)))
                .toList();

        CompletableFuture<Void> write = writer(producer).write(records);
        awaitSends(producer, records.size());
        long started = System.nanoTime();
        for (int i = 0; i < records.size(); i++) {
            Thread.sleep(STALL_TIMEOUT.toMillis() / 2);
            assertThat(write).isNotDone();
            producer.completeNext();
        }
        write.get(5, TimeUnit.SECONDS);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(STALL_TIMEOUT.multipliedBy(3));
        assertThat(spool.depthRecords()).isZero();
        assertThat(mode.isSpooling()).isFalse();
        assertThat(mode.switchesToSpooling()).isZero();
    }

    @Test
    void spoolsARecordThatFindsTheProducerBufferFullWithoutCountingItAsAnOutage() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(false);
        mode.switchToDirect();

        CompletableFuture<Void> write = writer(producer).write(List.of(RECORD));
        awaitSends(producer, 1);
        producer.errorNext(new BufferExhaustedException("buffer full"));
        write.get(5, TimeUnit.SECONDS);

        assertThat(spool.read(10).records()).containsExactly(RECORD);
        assertThat(mode.isSpooling()).isFalse();
    }

    @Test
    void spoolsRecordWhenKafkaFails() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(false);
        mode.switchToDirect();

        CompletableFuture<Void> write = writer(producer).write(List.of(RECORD));
        awaitSends(producer, 1);
        producer.errorNext(new org.apache.kafka.common.errors.NetworkException("broker gone"));
        write.get(5, TimeUnit.SECONDS);

        assertThat(spool.read(10).records()).containsExactly(RECORD);
        assertThat(mode.isSpooling()).isTrue();
    }

    @Test
    void writesStraightToSpoolWhileSpooling() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(true);

        writer(producer).write(List.of(RECORD, RECORD)).get(5, TimeUnit.SECONDS);

        assertThat(producer.history()).isEmpty();
        assertThat(spool.depthRecords()).isEqualTo(2);
    }

    private RawLogWriter writer(MockProducer<byte[], byte[]> producer) {
        AckProgress progress = new AckProgress();
        KafkaAppender kafka = new KafkaAppender(
                producer, new KafkaStatus(), progress, new SimpleMeterRegistry().timer("send"), Duration.ofSeconds(1));
        return new RawLogWriter(kafka, spool, mode, progress, STALL_TIMEOUT, sendExecutor, stallChecks);
    }

    private static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void awaitSends(MockProducer<byte[], byte[]> producer, int sends) {
        Awaitility.await()
                .atMost(Duration.ofSeconds(5))
                .until(() -> producer.history().size() >= sends);
    }
}
