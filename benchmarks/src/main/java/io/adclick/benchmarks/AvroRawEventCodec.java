package io.adclick.benchmarks;

import io.adclick.schemas.event.Device;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.IngestSource;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;

/** The same {@link RawEvent} as Avro binary (generic records), the alternative the wire-format choice measured. */
final class AvroRawEventCodec {
    private final Schema schema;
    private final GenericDatumWriter<GenericRecord> writer;
    private final GenericDatumReader<GenericRecord> reader;

    AvroRawEventCodec() {
        try (InputStream in = AvroRawEventCodec.class.getResourceAsStream("/raw-event.avsc")) {
            this.schema = new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.writer = new GenericDatumWriter<>(schema);
        this.reader = new GenericDatumReader<>(schema);
    }

    byte[] encode(RawEvent event) {
        GenericRecord record = new GenericData.Record(schema);
        record.put("schema_version", event.schemaVersion());
        record.put("event_type", event.eventType().wireName());
        record.put("event_id", event.eventId());
        record.put("event_time", micros(event.eventTime()));
        record.put("received_at", micros(event.receivedAt()));
        record.put("source", event.source().wireName());
        record.put("user_id", event.userId());
        record.put("country", event.country());
        record.put("device", event.device().wireName());
        record.put("attributes", event.attributes());
        record.put("token", event.token());
        record.put("token_kid", event.tokenKid());
        record.put("token_status", event.tokenStatus().wireName());
        record.put("impression_id", event.impressionId());
        record.put("advertiser_id", event.advertiserId());
        record.put("campaign_id", event.campaignId());
        record.put("ad_id", event.adId());
        record.put("publisher_id", event.publisherId());
        record.put("cpc_micros", event.cpcMicros());
        record.put("landing_url", event.landingUrl());
        record.put("token_issued_at", micros(event.tokenIssuedAt()));
        record.put("ip", event.ip());
        record.put("user_agent", event.userAgent());
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            writer.write(record, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    RawEvent decode(byte[] bytes) {
        BinaryDecoder decoder = DecoderFactory.get().binaryDecoder(bytes, null);
        GenericRecord r;
        try {
            r = reader.read(null, decoder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> attributes = new HashMap<>();
        ((Map<?, ?>) r.get("attributes")).forEach((k, v) -> attributes.put(k.toString(), v.toString()));
        return new RawEvent(
                (Integer) r.get("schema_version"),
                EventType.fromWire(text(r, "event_type")),
                text(r, "event_id"),
                instant(r, "event_time"),
                instant(r, "received_at"),
                IngestSource.fromWire(text(r, "source")),
                text(r, "user_id"),
                text(r, "country"),
                Device.fromWire(text(r, "device")),
                attributes,
                text(r, "token"),
                text(r, "token_kid"),
                TokenStatus.fromWire(text(r, "token_status")),
                text(r, "impression_id"),
                text(r, "advertiser_id"),
                text(r, "campaign_id"),
                text(r, "ad_id"),
                text(r, "publisher_id"),
                (Long) r.get("cpc_micros"),
                text(r, "landing_url"),
                instant(r, "token_issued_at"),
                text(r, "ip"),
                text(r, "user_agent"));
    }

    private static long micros(Instant instant) {
        return TimeUnit.SECONDS.toMicros(instant.getEpochSecond()) + instant.getNano() / 1_000;
    }

    private static Instant instant(GenericRecord r, String field) {
        long micros = (Long) r.get(field);
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000), Math.floorMod(micros, 1_000_000) * 1_000L);
    }

    private static String text(GenericRecord r, String field) {
        Object value = r.get(field);
        return value == null ? null : value.toString();
    }
}
