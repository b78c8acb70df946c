package io.adclick.stream.model;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * A serializer of ours for a mutable value of variable length, written field by field without the
 * reflection and null flags of Flink's POJO serializer. Subclasses write and read the fields and
 * copy the value; reuse is never taken (every read makes a new value).
 *
 * @param <T> the value
 */
abstract class MutableValueSerializer<T> extends TypeSerializerSingleton<T> {
    @Override
    public final boolean isImmutableType() {
        return false;
    }

    @Override
    public final T copy(T from, T reuse) {
        return copy(from);
    }

    @Override
    public final int getLength() {
        return -1;
    }

    @Override
    public final T deserialize(T reuse, DataInputView source) throws IOException {
        return deserialize(source);
    }

    @Override
    public final void copy(DataInputView source, DataOutputView target) throws IOException {
        serialize(deserialize(source), target);
    }
}
