package io.adclick.edge.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The drainer moves spooled records to Kafka in order, then sends the edge back to direct mode. */
class SpoolDrainerTest {
    @TempDir
    Path dir;

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final DeliveryMode mode = new DeliveryMode();

    @Test
    void drainsSpoolInOrderAndSwitchesToDirect() throws Exception {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(true, null, new ByteArraySerializer(), new ByteArraySerializer());
        try (DiskSpool spool = DiskSpool.open(dir, 1024 * 1024, 4096)) {
            List<EdgeRecord> records = IntStream.range(0, 250)
                    .mapToObj(i -> EdgeRecord.of("events.raw", "evt-" + i, ("v" + i).getBytes(StandardCharsets.UTF_8)))
                    .toList();
            for (EdgeRecord record : records) {
                spool.append(record).get(5, TimeUnit.SECONDS);
            }
            Counter drained = registry.counter("drained");

            try (SpoolDrainer drainer = drainer(spool, producer, drained)) {
                drainer.start();

                await().atMost(Duration.ofSeconds(10)).until(() -> !mode.isSpooling());
            }

            assertThat(spool.depthRecords()).isZero();
            assertThat(drained.count()).isEqualTo(250);
            assertThat(producer.history().stream()
                            .map(SpoolDrainerTest::toEdgeRecord)
                            .toList())
                    .containsExactlyElementsOf(records);
        }
    }

    @Test
    void keepsRecordsAndStaysSpoolingWhileKafkaFails() throws Exception {
        MockProducer<byte[], byte[]> producer =
                new MockProducer<>(false, null, new ByteArraySerializer(), new ByteArraySerializer());
        try (DiskSpool spool = DiskSpool.open(dir, 1024 * 1024, 4096)) {
            spool.append(EdgeRecord.of("events.raw", "evt-1", new byte[] {1})).get(5, TimeUnit.SECONDS);

            try (SpoolDrainer drainer = drainer(spool, producer, registry.counter("drained"))) {
                drainer.start();
                await().atMost(Duration.ofSeconds(5))
                        .until(() -> !producer.history().isEmpty());
                producer.errorNext(new org.apache.kafka.common.errors.TimeoutException("broker away"));

                await().atMost(Duration.ofSeconds(5))
                        .until(() -> producer.history().size() >= 2);
                assertThat(spool.depthRecords()).isEqualTo(1);
                assertThat(mode.isSpooling()).isTrue();

                producer.completeNext();
                await().atMost(Duration.ofSeconds(5)).until(spool::isEmpty);
            }
        }
    }

    private SpoolDrainer drainer(DiskSpool spool, MockProducer<byte[], byte[]> producer, Counter drained) {
        KafkaAppender kafka = new KafkaAppender(
                producer, new KafkaStatus(), new AckProgress(), registry.timer("send"), Duration.ofSeconds(1));
        return new SpoolDrainer(
                spool,
                kafka,
                mode,
                Set.of("events.raw"),
                100,
                Duration.ofMillis(10),
                Duration.ofMillis(50),
                drained,
                registry.counter("batches"));
    }

    private static EdgeRecord toEdgeRecord(ProducerRecord<byte[], byte[]> record) {
        return new EdgeRecord(record.topic(), record.key(), record.value());
    }
}
