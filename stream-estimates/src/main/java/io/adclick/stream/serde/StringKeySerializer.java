package io.adclick.stream.serde;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;

/**
 * The rollup keys in the aggregation's state (the keys of its map of rows and its list of changed
 * keys): the same bytes as Flink's {@link StringSerializer}, encoded into an array and written in
 * one call. Flink's serializer writes a string one byte at a time, and a heap-state checkpoint
 * writes every key of every state entry to an unbuffered stream, so per-byte calls were the
 * largest cost of the job. Because the bytes are the same, state written by either serializer is
 * read by the other ({@link Snapshot}): a checkpoint of the job before this serializer restores.
 */
public final class StringKeySerializer extends TypeSerializerSingleton<String> {
    public static final StringKeySerializer INSTANCE = new StringKeySerializer();

    private static final int MORE = 0x80;

    @Override
    public boolean isImmutableType() {
        return true;
    }

    @Override
    public String createInstance() {
        return "";
    }

    @Override
    public String copy(String from) {
        return from;
    }

    @Override
    public String copy(String from, String reuse) {
        return from;
    }

    @Override
    public int getLength() {
        return -1;
    }

    @Override
    public void serialize(String record, DataOutputView target) throws IOException {
        if (record == null) {
            target.write(0);
            return;
        }
        // at most 5 bytes of length and 3 bytes per char
        byte[] bytes = new byte[5 + 3 * record.length()];
        int position = putVarInt(bytes, 0, record.length() + 1);
        for (int i = 0; i < record.length(); i++) {
            position = putVarInt(bytes, position, record.charAt(i));
        }
        target.write(bytes, 0, position);
    }

    /** Flink's variable-length integer: 7 bits a byte, least significant first, high bit set if more follow. */
    private static int putVarInt(byte[] bytes, int position, int value) {
        int p = position;
        int v = value;
        while (v >= MORE) {
            bytes[p++] = (byte) (v | MORE);
            v >>>= 7;
        }
        bytes[p++] = (byte) v;
        return p;
    }

    @Override
    public String deserialize(DataInputView source) throws IOException {
        return StringValue.readString(source);
    }

    @Override
    public String deserialize(String reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public void copy(DataInputView source, DataOutputView target) throws IOException {
        StringValue.copyString(source, target);
    }

    @Override
    public TypeSerializerSnapshot<String> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Same bytes as {@link StringSerializer}: compatible with its state both ways. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<String> {
        public Snapshot() {
            super(() -> INSTANCE);
        }

        @Override
        public TypeSerializerSchemaCompatibility<String> resolveSchemaCompatibility(
                TypeSerializerSnapshot<String> oldSerializerSnapshot) {
            if (oldSerializerSnapshot instanceof StringSerializer.StringSerializerSnapshot) {
                return TypeSerializerSchemaCompatibility.compatibleAsIs();
            }
            return super.resolveSchemaCompatibility(oldSerializerSnapshot);
        }
    }
}
