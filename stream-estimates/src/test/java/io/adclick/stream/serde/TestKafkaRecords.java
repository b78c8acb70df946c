package io.adclick.stream.serde;

import static io.adclick.stream.TestEvents.T0;
import static org.assertj.core.api.Assertions.assertThat;

import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.schemas.wire.WireCodecs;
import io.adclick.stream.TestEvents;
import io.adclick.stream.model.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;
import org.apache.flink.util.Collector;
import org.apache.flink.util.UserCodeClassLoader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class TestKafkaRecords {
    static final Instant NOW = Instant.parse("2026-11-26T08:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void undecodableRawRecordsAreCountedAndSkipped() throws Exception {
        RawEvent event = TestEvents.click("c1", "i1", T0, "u1");
        RawEventDeserializer deserializer = new RawEventDeserializer();
        deserializer.open(new TestContext());
        List<StreamEvent> out = new ArrayList<>();

        deserializer.deserialize(record("not json"), collector(out));
        deserializer.deserialize(record("{\"schema_version\":9}"), collector(out));
        deserializer.deserialize(new ConsumerRecord<>("events.raw", 0, 3, null, null), collector(out));
        deserializer.deserialize(
                new ConsumerRecord<>("events.raw", 0, 4, null, WireCodecs.RAW_EVENT.encode(event)), collector(out));

        assertThat(out).singleElement().satisfies(read -> assertThat(read.eventId)
                .isEqualTo("c1"));
        assertThat(deserializer.undecodableCount()).isEqualTo(3);
        assertThat(deserializer.decodedCount()).isEqualTo(1);
    }

    @Test
    void rollupRecordsAreKeyedByRollupKeyAndStampedNow() {
        MinuteRollup rollup = new MinuteRollup(
                1,
                T0,
                "cmp-1",
                "ad-1",
                "pub-1",
                "US",
                io.adclick.schemas.event.Device.MOBILE,
                "adv-1",
                10,
                2,
                1,
                250_000,
                9,
                "AQMDAAA6zJM=",
                3,
                NOW);

        ProducerRecord<byte[], byte[]> record =
                new RollupRecordSerializer("rollups.minute", CLOCK).serialize(rollup, null, T0.toEpochMilli());

        assertThat(record.topic()).isEqualTo("rollups.minute");
        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo(rollup.rollupKey());
        assertThat(WireCodecs.MINUTE_ROLLUP.decode(record.value())).isEqualTo(rollup);
        assertThat(record.timestamp()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void lateRecordsAreTheRawRecordAsReadKeyedByEventIdAndStampedNow() {
        StreamEvent event = TestEvents.asRead(TestEvents.click("c1", "i1", T0, "u1"));

        ProducerRecord<byte[], byte[]> record =
                new LateEventRecordSerializer("events.late", CLOCK).serialize(event, null, T0.toEpochMilli());

        assertThat(new String(record.key(), StandardCharsets.UTF_8)).isEqualTo("c1");
        assertThat(record.value()).isSameAs(event.record);
        assertThat(record.timestamp()).isEqualTo(NOW.toEpochMilli());
    }

    private static ConsumerRecord<byte[], byte[]> record(String value) {
        return new ConsumerRecord<>("events.raw", 0, 1, null, value.getBytes(StandardCharsets.UTF_8));
    }

    private static Collector<StreamEvent> collector(List<StreamEvent> out) {
        return new Collector<>() {
            @Override
            public void collect(StreamEvent record) {
                out.add(record);
            }

            @Override
            public void close() {}
        };
    }

    private static final class TestContext implements DeserializationSchema.InitializationContext {
        @Override
        public MetricGroup getMetricGroup() {
            return new UnregisteredMetricsGroup();
        }

        @Override
        public UserCodeClassLoader getUserCodeClassLoader() {
            throw new UnsupportedOperationException();
        }
    }
}
