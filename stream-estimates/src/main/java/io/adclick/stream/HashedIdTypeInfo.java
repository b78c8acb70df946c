package io.adclick.stream;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Tells Flink to use {@link HashedIdSerializer} (not Kryo) for {@link HashedId}, a valid key type. */
public final class HashedIdTypeInfo extends TypeInformation<HashedId> {
    public static final HashedIdTypeInfo INSTANCE = new HashedIdTypeInfo();

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
    public Class<HashedId> getTypeClass() {
        return HashedId.class;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<HashedId> createSerializer(SerializerConfig config) {
        return HashedIdSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "HashedId";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof HashedIdTypeInfo;
    }

    @Override
    public int hashCode() {
        return HashedIdTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof HashedIdTypeInfo;
    }

    /** The factory named by {@link HashedId}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<HashedId> {
        @Override
        public TypeInformation<HashedId> createTypeInfo(Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
