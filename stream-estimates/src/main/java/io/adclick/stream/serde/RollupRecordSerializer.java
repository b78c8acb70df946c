package io.adclick.stream.serde;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.schemas.wire.WireCodecs;
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
 * A {@link MinuteRollup} as a {@code rollups.minute} record: key = the rollup key (the Pinot upsert
 * key, so one key's revisions share a partition), record timestamp = now, not the minute, so that
 * time-based retention never deletes a freshly emitted rollup of an old minute.
 */
public final class RollupRecordSerializer
        implements KafkaRecordSerializationSchema<MinuteRollup>, KafkaDatasetFacetProvider {
    private final String topic;
    private final Clock clock;

    public RollupRecordSerializer(String topic, Clock clock) {
        this.topic = requireNonNull(topic, "topic is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(MinuteRollup rollup, KafkaSinkContext context, Long timestamp) {
        return new ProducerRecord<>(
                topic,
                null,
                clock.millis(),
                rollup.rollupKey().getBytes(StandardCharsets.UTF_8),
                WireCodecs.MINUTE_ROLLUP.encode(rollup));
    }

    /** The target topic, which the sink's pooled transactional ids are scoped to. */
    @Override
    public Optional<KafkaDatasetFacet> getKafkaDatasetFacet() {
        return Optional.of(new DefaultKafkaDatasetFacet(DefaultKafkaDatasetIdentifier.ofTopics(List.of(topic))));
    }
}
