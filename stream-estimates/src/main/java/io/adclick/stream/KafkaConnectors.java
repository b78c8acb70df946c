package io.adclick.stream;

import io.adclick.schemas.rollup.MinuteRollup;
import io.adclick.schemas.wire.Topics;
import io.adclick.stream.config.JobSettings;
import io.adclick.stream.model.StreamEvent;
import io.adclick.stream.serde.LateEventRecordSerializer;
import io.adclick.stream.serde.RawEventDeserializer;
import io.adclick.stream.serde.RollupRecordSerializer;
import java.time.Clock;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.sink.TransactionNamingStrategy;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;

/** The job's Kafka source and its exactly-once sinks, from {@link JobSettings}. */
public final class KafkaConnectors {
    private KafkaConnectors() {}

    /** {@code events.raw}, read_committed, from the committed offsets (the earliest on a first start). */
    @SuppressWarnings("deprecation") // the connector's API still takes the Kafka 3 OffsetResetStrategy
    public static KafkaSource<StreamEvent> rawEvents(JobSettings settings) {
        return KafkaSource.<StreamEvent>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setTopics(Topics.EVENTS_RAW)
                .setGroupId(settings.groupId())
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawEventDeserializer())
                .setProperty("isolation.level", "read_committed")
                .setProperty("client.id.prefix", settings.groupId())
                .build();
    }

    /** {@code rollups.minute}, in Kafka transactions committed with the checkpoints. */
    public static KafkaSink<MinuteRollup> minuteRollups(JobSettings settings, Clock clock) {
        return exactlyOnce(settings, "-rollups", new RollupRecordSerializer(Topics.ROLLUPS_MINUTE, clock));
    }

    /** {@code events.late}, in Kafka transactions committed with the checkpoints. */
    public static KafkaSink<StreamEvent> lateEvents(JobSettings settings, Clock clock) {
        return exactlyOnce(settings, "-late", new LateEventRecordSerializer(Topics.EVENTS_LATE, clock));
    }

    private static <T> KafkaSink<T> exactlyOnce(
            JobSettings settings, String prefixSuffix, KafkaRecordSerializationSchema<T> serializer) {
        return KafkaSink.<T>builder()
                .setBootstrapServers(settings.bootstrapServers())
                .setRecordSerializer(serializer)
                .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
                .setTransactionalIdPrefix(settings.transactionalIdPrefix() + prefixSuffix)
                .setTransactionNamingStrategy(TransactionNamingStrategy.POOLING)
                .setProperty(
                        "transaction.timeout.ms",
                        Long.toString(settings.transactionTimeout().toMillis()))
                .setProperty("compression.type", "lz4")
                .build();
    }
}
