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
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The write path's fallback from Kafka to the spool, with Kafka's own test producer. */
class RawLogWriterTest {
    private static final EdgeRecord RECORD =
            EdgeRecord.of("events.raw", "imp:1", "{}".getBytes(StandardCharsets.UTF_8));

    @TempDir
    Path dir;

    private final ExecutorService sendExecutor = Executors.newSingleThreadExecutor();
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
    void spoolsRecordAndSwitchesModeWhenKafkaDoesNotAckInTime() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(false);
        mode.switchToDirect();

        writer(producer).write(List.of(RECORD)).get(5, TimeUnit.SECONDS);

        assertThat(spool.read(10).records()).containsExactly(RECORD);
        assertThat(mode.isSpooling()).isTrue();
    }

    @Test
    void spoolsRecordWhenKafkaFails() throws Exception {
        MockProducer<byte[], byte[]> producer = producer(false);
        mode.switchToDirect();

        CompletableFuture<Void> write = writer(producer).write(List.of(RECORD));
        awaitSend(producer);
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
        KafkaAppender kafka = new KafkaAppender(
                producer, new KafkaStatus(), new SimpleMeterRegistry().timer("send"), Duration.ofSeconds(1));
        return new RawLogWriter(kafka, spool, mode, Duration.ofMillis(300), sendExecutor);
    }

    private static MockProducer<byte[], byte[]> producer(boolean autoComplete) {
        return new MockProducer<>(autoComplete, null, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private static void awaitSend(MockProducer<byte[], byte[]> producer) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (producer.history().isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
    }
}
