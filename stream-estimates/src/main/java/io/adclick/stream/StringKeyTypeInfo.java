package io.adclick.stream;

import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** String keys serialized by {@link StringKeySerializer}: pass it to {@code keyBy} with the key selector. */
public final class StringKeyTypeInfo extends TypeInformation<String> {
    public static final StringKeyTypeInfo INSTANCE = new StringKeyTypeInfo();

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
    public Class<String> getTypeClass() {
        return String.class;
    }

    @Override
    public boolean isKeyType() {
        return true;
    }

    @Override
    public TypeSerializer<String> createSerializer(SerializerConfig config) {
        return StringKeySerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "String (StringKeySerializer)";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof StringKeyTypeInfo;
    }

    @Override
    public int hashCode() {
        return StringKeyTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof StringKeyTypeInfo;
    }
}
