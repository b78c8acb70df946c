package io.adclick.stream.model;

import io.adclick.stream.config.EstimatesConfig;
import java.io.IOException;
import org.apache.datasketches.memory.Memory;
import org.apache.datasketches.theta.UpdateSketch;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializes a {@link MinuteAccumulator}, its updatable Theta sketch in the sketch's own
 * serialized form (its size grows with the users it holds, so small minutes stay small).
 */
public final class MinuteAccumulatorSerializer extends TypeSerializerSingleton<MinuteAccumulator> {
    public static final MinuteAccumulatorSerializer INSTANCE = new MinuteAccumulatorSerializer();

    @Override
    public boolean isImmutableType() {
        return false;
    }

    @Override
    public MinuteAccumulator createInstance() {
        return new MinuteAccumulator(UniqueUsers.newSketch(EstimatesConfig.DEFAULT_SKETCH_LG_NOMINAL_ENTRIES));
    }

    @Override
    public MinuteAccumulator copy(MinuteAccumulator from) {
        MinuteAccumulator copy = new MinuteAccumulator(UpdateSketch.heapify(Memory.wrap(from.users.toByteArray())));
        copy.campaignId = from.campaignId;
        copy.adId = from.adId;
        copy.publisherId = from.publisherId;
        copy.country = from.country;
        copy.device = from.device;
        copy.advertiserId = from.advertiserId;
        copy.impressions = from.impressions;
        copy.clicks = from.clicks;
        copy.billableClicks = from.billableClicks;
        copy.spendMicros = from.spendMicros;
        copy.dirty = from.dirty;
        return copy;
    }

    @Override
    public MinuteAccumulator copy(MinuteAccumulator from, MinuteAccumulator reuse) {
        return copy(from);
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(MinuteAccumulator record, DataOutputView target) throws IOException {
        target.writeUTF(record.campaignId);
        target.writeUTF(record.adId);
        target.writeUTF(record.publisherId);
        target.writeUTF(record.country);
        target.writeUTF(record.device);
        target.writeUTF(record.advertiserId);
        target.writeLong(record.impressions);
        target.writeLong(record.clicks);
        target.writeLong(record.billableClicks);
        target.writeLong(record.spendMicros);
        target.writeBoolean(record.dirty);
        byte[] sketch = record.users.toByteArray();
        target.writeInt(sketch.length);
        target.write(sketch);
    }

    @Override
    public MinuteAccumulator deserialize(DataInputView source) throws IOException {
        String campaignId = source.readUTF();
        String adId = source.readUTF();
        String publisherId = source.readUTF();
        String country = source.readUTF();
        String device = source.readUTF();
        String advertiserId = source.readUTF();
        long impressions = source.readLong();
        long clicks = source.readLong();
        long billableClicks = source.readLong();
        long spendMicros = source.readLong();
        boolean dirty = source.readBoolean();
        byte[] sketch = new byte[source.readInt()];
        source.readFully(sketch);
        MinuteAccumulator accumulator = new MinuteAccumulator(UpdateSketch.heapify(Memory.wrap(sketch)));
        accumulator.campaignId = campaignId;
        accumulator.adId = adId;
        accumulator.publisherId = publisherId;
        accumulator.country = country;
        accumulator.device = device;
        accumulator.advertiserId = advertiserId;
        accumulator.impressions = impressions;
        accumulator.clicks = clicks;
        accumulator.billableClicks = billableClicks;
        accumulator.spendMicros = spendMicros;
        accumulator.dirty = dirty;
        return accumulator;
    }

    @Override
    public MinuteAccumulator deserialize(MinuteAccumulator reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }

    @Override
    public TypeSerializerSnapshot<MinuteAccumulator> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: a restore only checks that it is this class. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<MinuteAccumulator> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
