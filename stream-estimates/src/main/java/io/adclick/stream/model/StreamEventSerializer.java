package io.adclick.stream.model;

import io.adclick.schemas.event.EventType;
import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes a {@link StreamEvent} between the steps of the stream job (it is never kept in
 * state): a byte of flags (which strings are {@code null}, the token and billable flags, whether it
 * carries its record), the event type, the times and amounts, the strings that are present, then
 * the record's length and bytes if it has one.
 */
public final class StreamEventSerializer extends MutableValueSerializer<StreamEvent> {
    public static final StreamEventSerializer INSTANCE = new StreamEventSerializer();

    private static final int TOKEN_EXPIRED = 1;
    private static final int BILLABLE = 2;
    private static final int NO_USER = 4;
    private static final int NO_IMPRESSION = 8;
    private static final int NO_ADVERTISER = 16;
    private static final int RECORD = 32;
    private static final EventType[] TYPES = EventType.values();

    @Override
    public StreamEvent createInstance() {
        return new StreamEvent();
    }

    @Override
    public StreamEvent copy(StreamEvent from) {
        StreamEvent copy = new StreamEvent();
        copy.eventId = from.eventId;
        copy.eventType = from.eventType;
        copy.eventTime = from.eventTime;
        copy.tokenExpired = from.tokenExpired;
        copy.impressionId = from.impressionId;
        copy.advertiserId = from.advertiserId;
        copy.campaignId = from.campaignId;
        copy.adId = from.adId;
        copy.publisherId = from.publisherId;
        copy.country = from.country;
        copy.device = from.device;
        copy.userId = from.userId;
        copy.cpcMicros = from.cpcMicros;
        copy.billable = from.billable;
        copy.record = from.record;
        return copy;
    }

    @Override
    public void serialize(StreamEvent event, DataOutputView target) throws IOException {
        target.writeByte((event.tokenExpired ? TOKEN_EXPIRED : 0)
                | (event.billable ? BILLABLE : 0)
                | (event.userId == null ? NO_USER : 0)
                | (event.impressionId == null ? NO_IMPRESSION : 0)
                | (event.advertiserId == null ? NO_ADVERTISER : 0)
                | (event.record != null ? RECORD : 0));
        target.writeByte(event.eventType.ordinal());
        target.writeLong(event.eventTime);
        target.writeLong(event.cpcMicros);
        Utf8Strings.write(event.eventId, target);
        Utf8Strings.write(event.campaignId, target);
        Utf8Strings.write(event.adId, target);
        Utf8Strings.write(event.publisherId, target);
        Utf8Strings.write(event.country, target);
        Utf8Strings.write(event.device, target);
        writeIfPresent(event.userId, target);
        writeIfPresent(event.impressionId, target);
        writeIfPresent(event.advertiserId, target);
        if (event.record != null) {
            target.writeInt(event.record.length);
            target.write(event.record);
        }
    }

    @Override
    public StreamEvent deserialize(DataInputView source) throws IOException {
        int flags = source.readByte();
        StreamEvent event = new StreamEvent();
        event.tokenExpired = (flags & TOKEN_EXPIRED) != 0;
        event.billable = (flags & BILLABLE) != 0;
        event.eventType = TYPES[source.readByte()];
        event.eventTime = source.readLong();
        event.cpcMicros = source.readLong();
        event.eventId = Utf8Strings.read(source);
        event.campaignId = Utf8Strings.read(source);
        event.adId = Utf8Strings.read(source);
        event.publisherId = Utf8Strings.read(source);
        event.country = Utf8Strings.read(source);
        event.device = Utf8Strings.read(source);
        event.userId = (flags & NO_USER) != 0 ? null : Utf8Strings.read(source);
        event.impressionId = (flags & NO_IMPRESSION) != 0 ? null : Utf8Strings.read(source);
        event.advertiserId = (flags & NO_ADVERTISER) != 0 ? null : Utf8Strings.read(source);
        if ((flags & RECORD) != 0) {
            event.record = new byte[source.readInt()];
            source.readFully(event.record);
        }
        return event;
    }

    private static void writeIfPresent(String value, DataOutputView target) throws IOException {
        if (value != null) {
            Utf8Strings.write(value, target);
        }
    }

    @Override
    public TypeSerializerSnapshot<StreamEvent> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: a restore only checks that it is this class. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<StreamEvent> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
