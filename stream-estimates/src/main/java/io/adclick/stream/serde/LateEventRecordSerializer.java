package io.adclick.stream.serde;

import static java.util.Objects.requireNonNull;

import io.adclick.stream.model.StreamEvent;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.apache.flink.connector.kafka.lineage.DefaultKafkaDatasetFacet;
import org.apache.flink.connector.kafka.lineage.DefaultKafkaDatasetIdentifier;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacet;
import org.apache.flink.connector.kafka.lineage.KafkaDatasetFacetProvider;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A late event as an {@code events.late} record: its {@code events.raw} record value as it was read
 * (a {@code RawEvent}), key {@code event_id}, timestamp now.
 */
public final class LateEventRecordSerializer
        implements KafkaRecordSerializationSchema<StreamEvent>, KafkaDatasetFacetProvider {
    private final String topic;
    private final Clock clock;

    public LateEventRecordSerializer(String topic, Clock clock) {
        this.topic = requireNonNull(topic, "topic is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(StreamEvent event, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                null,
                clock.millis(),
                event.eventId.getBytes(StandardCharsets.UTF_8),
                requireNonNull(event.record, "a late event keeps its record"));
    }

    /** The target topic, which the sink's pooled transactional ids are scoped to. */
    @Override
    public Optional<KafkaDatasetFacet> getKafkaDatasetFacet() {
        return Optional.of(new DefaultKafkaDatasetFacet(DefaultKafkaDatasetIdentifier.ofTopics(List.of(topic))));
    }
}
