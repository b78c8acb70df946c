package io.adclick.stream.model;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/** Serializes a {@link MinuteRow}: a flags byte, the revision, then the totals unless closed. */
public final class MinuteRowSerializer extends MutableValueSerializer<MinuteRow> {
    public static final MinuteRowSerializer INSTANCE = new MinuteRowSerializer();

    private static final int CLOSED = 1;
    private static final int CHANGED = 2;

    @Override
    public MinuteRow createInstance() {
        return new MinuteRow();
    }

    @Override
    public MinuteRow copy(MinuteRow from) {
        MinuteRow copy = new MinuteRow();
        copy.totals = from.totals == null ? null : PartialRollupSerializer.INSTANCE.copy(from.totals);
        copy.revision = from.revision;
        copy.changed = from.changed;
        return copy;
    }

    @Override
    public void serialize(MinuteRow row, DataOutputView target) throws IOException {
        target.writeByte((row.isClosed() ? CLOSED : 0) | (row.changed ? CHANGED : 0));
        target.writeLong(row.revision);
        if (!row.isClosed()) {
            PartialRollupSerializer.INSTANCE.serialize(row.totals, target);
        }
    }

    @Override
    public MinuteRow deserialize(DataInputView source) throws IOException {
        int flags = source.readByte();
        MinuteRow row = new MinuteRow();
        row.revision = source.readLong();
        row.changed = (flags & CHANGED) != 0;
        if ((flags & CLOSED) == 0) {
            row.totals = PartialRollupSerializer.INSTANCE.deserialize(source);
        }
        return row;
    }

    @Override
    public TypeSerializerSnapshot<MinuteRow> snapshotConfiguration() {
        return new Snapshot();
    }

    /** The serializer has no configuration: a restore only checks that it is this class. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<MinuteRow> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
