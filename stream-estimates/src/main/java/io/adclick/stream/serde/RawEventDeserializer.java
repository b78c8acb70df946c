package io.adclick.stream.serde;

import io.adclick.schemas.wire.WireFormatException;
import io.adclick.stream.model.StreamEvent;
import io.adclick.stream.model.StreamEventTypeInfo;
import org.apache.flink.api.common.serialization.DeserializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.metrics.Counter;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes {@code events.raw} records into {@link StreamEvent}s ({@link StreamEventDecoder}), counted
 * ({@code decodedRecords}). A record that is not a valid {@code RawEvent} is counted
 * ({@code undecodableRecords}), logged with its position, and skipped: one bad record must never
 * stop the estimates.
 */
public final class RawEventDeserializer implements KafkaRecordDeserializationSchema<StreamEvent> {
    private static final Logger LOG = LoggerFactory.getLogger(RawEventDeserializer.class);
    private static final long LOG_EVERY = 1_000;

    private transient Counter decoded;
    private transient Counter undecodable;

    @Override
    public void open(DeserializationSchema.InitializationContext context) {
        decoded = context.getMetricGroup().counter("decodedRecords");
        undecodable = context.getMetricGroup().counter("undecodableRecords");
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<StreamEvent> out) {
        if (record.value() == null) {
            skip(record, "no value");
            return;
        }
        try {
            out.collect(StreamEventDecoder.decode(record.value()));
            decoded.inc();
        } catch (WireFormatException e) {
            skip(record, e.getMessage());
        }
    }

    private void skip(ConsumerRecord<byte[], byte[]> record, String reason) {
        undecodable.inc();
        if (undecodable.getCount() % LOG_EVERY == 1) {
            LOG.warn(
                    "Skipping undecodable record {}-{}@{} ({} so far): {}",
                    record.topic(),
                    record.partition(),
                    record.offset(),
                    undecodable.getCount(),
                    reason);
        }
    }

    /** How many records were decoded (the metric's value). */
    long decodedCount() {
        return decoded.getCount();
    }

    /** How many records were skipped (the metric's value). */
    long undecodableCount() {
        return undecodable.getCount();
    }

    @Override
    public TypeInformation<StreamEvent> getProducedType() {
        return StreamEventTypeInfo.INSTANCE;
    }
}
