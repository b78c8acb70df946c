package io.adclick.stream.serde;

import static java.util.Objects.requireNonNull;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/**
 * Type information that names one of our own serializers, so that Flink uses it for a type
 * instead of falling back to Kryo or its POJO serializer.
 *
 * @param <T> the type
 */
public final class SerializerTypeInfo<T> extends TypeInformation<T> {
    private final Class<T> type;
    private final TypeSerializer<T> serializer;
    private final boolean keyType;
    private final String name;

    private SerializerTypeInfo(Class<T> type, TypeSerializer<T> serializer, boolean keyType) {
        this.type = requireNonNull(type, "type is null");
        this.serializer = requireNonNull(serializer, "serializer is null");
        this.keyType = keyType;
        this.name =
                "%s (%s)".formatted(type.getSimpleName(), serializer.getClass().getSimpleName());
    }

    /** Values of {@code type}, written by {@code serializer}. */
    public static <T> SerializerTypeInfo<T> value(Class<T> type, TypeSerializer<T> serializer) {
        return new SerializerTypeInfo<>(type, serializer, false);
    }

    /** Keys of {@code type} ({@code keyBy}, keyed state), written by {@code serializer}. */
    public static <T> SerializerTypeInfo<T> key(Class<T> type, TypeSerializer<T> serializer) {
        return new SerializerTypeInfo<>(type, serializer, true);
    }

    @Override
    public boolean isBasicType() {
        return false;
    }

    @Override
    public boolean isTupleType() {
        return false;
    }

    @Override
    public int getArity() {
        return 1;
    }

    @Override
    public int getTotalFields() {
        return 1;
    }

    @Override
    public Class<T> getTypeClass() {
        return type;
    }

    @Override
    public boolean isKeyType() {
        return keyType;
    }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return serializer;
    }

    @Override
    public String toString() {
        return name;
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof SerializerTypeInfo<?> other
                && type.equals(other.type)
                && serializer.getClass().equals(other.serializer.getClass())
                && keyType == other.keyType;
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + serializer.getClass().hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof SerializerTypeInfo<?>;
    }
}
