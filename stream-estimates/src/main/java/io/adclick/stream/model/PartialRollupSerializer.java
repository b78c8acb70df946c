package io.adclick.stream.model;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes a {@link PartialRollup} field by field, without the reflection and per-field null
 * flags of Flink's POJO serializer: between the two aggregation phases and in the
 * {@link io.adclick.stream.function.MinuteAggregator}'s state.
 */
public final class PartialRollupSerializer extends MutableValueSerializer<PartialRollup> {
    public static final PartialRollupSerializer INSTANCE = new PartialRollupSerializer();

    @Override
    public PartialRollup createInstance() {
        return new PartialRollup();
    }

    @Override
    public PartialRollup copy(PartialRollup from) {
        PartialRollup copy = new PartialRollup();
        copy.campaignId = from.campaignId;
        copy.adId = from.adId;
        copy.publisherId = from.publisherId;
        copy.country = from.country;
        copy.device = from.device;
        copy.advertiserId = from.advertiserId;
        copy.minute = from.minute;
        copy.impressions = from.impressions;
        copy.clicks = from.clicks;
        copy.billableClicks = from.billableClicks;
        copy.spendMicros = from.spendMicros;
        copy.usersSketch = from.usersSketch == null ? null : Arrays.copyOf(from.usersSketch, from.usersSketch.length);
        return copy;
    }

    @Override
    public void serialize(PartialRollup record, DataOutputView target) throws IOException {
        Utf8Strings.write(record.campaignId, target);
        Utf8Strings.write(record.adId, target);
        Utf8Strings.write(record.publisherId, target);
        Utf8Strings.write(record.country, target);
        Utf8Strings.write(record.device, target);
        Utf8Strings.write(record.advertiserId, target);
        target.writeLong(record.minute);
        target.writeLong(record.impressions);
        target.writeLong(record.clicks);
        target.writeLong(record.billableClicks);
        target.writeLong(record.spendMicros);
        target.writeInt(record.usersSketch.length);
        target.write(record.usersSketch);
    }

    @Override
    public PartialRollup deserialize(DataInputView source) throws IOException {
        PartialRollup partial = new PartialRollup();
        partial.campaignId = Utf8Strings.read(source);
        partial.adId = Utf8Strings.read(source);
        partial.publisherId = Utf8Strings.read(source);
        partial.country = Utf8Strings.read(source);
        partial.device = Utf8Strings.read(source);
        partial.advertiserId = Utf8Strings.read(source);
        partial.minute = source.readLong();
        partial.impressions = source.readLong();
        partial.clicks = source.readLong();
        partial.billableClicks = source.readLong();
        partial.spendMicros = source.readLong();
        partial.usersSketch = new byte[source.readInt()];
        source.readFully(partial.usersSketch);
        return partial;
    }

    @Override
    public TypeSerializerSnapshot<PartialRollup> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: a restore only checks that it is this class. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<PartialRollup> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
