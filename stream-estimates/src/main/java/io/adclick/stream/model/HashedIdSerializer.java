package io.adclick.stream.model;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Serializes a {@link HashedId} as its two longs: 16 bytes. */
public final class HashedIdSerializer extends TypeSerializerSingleton<HashedId> {
    public static final HashedIdSerializer INSTANCE = new HashedIdSerializer();

    private static final int LENGTH = 2 * Long.BYTES;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public HashedId createInstance() {
        return new HashedId(0, 0);
    }

    @Override
    public HashedId copy(HashedId from) {
        return from;
    }

    @Override
    public HashedId copy(HashedId from, HashedId reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return LENGTH;
    }

    @Override
    public void serialize(HashedId record, DataOutputView target) throws IOException {
        target.writeLong(record.high());
        target.writeLong(record.low());
    }

    @Override
    public HashedId deserialize(DataInputView source) throws IOException {
        return new HashedId(source.readLong(), source.readLong());
    }

    @Override
    public HashedId deserialize(HashedId reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        target.write(source, LENGTH);
    }

    @Override
    public TypeSerializerSnapshot<HashedId> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: a restore only checks that it is this class. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<HashedId> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
