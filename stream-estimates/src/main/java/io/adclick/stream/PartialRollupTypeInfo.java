package io.adclick.stream;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Tells Flink to use {@link PartialRollupSerializer} (not Kryo) for {@link PartialRollup}. */
public final class PartialRollupTypeInfo extends TypeInformation<PartialRollup> {
    public static final PartialRollupTypeInfo INSTANCE = new PartialRollupTypeInfo();

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
    public Class<PartialRollup> getTypeClass() {
        return PartialRollup.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<PartialRollup> createSerializer(SerializerConfig config) {
        return PartialRollupSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "PartialRollup";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof PartialRollupTypeInfo;
    }

    @Override
    public int hashCode() {
        return PartialRollupTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof PartialRollupTypeInfo;
    }

    /** The factory named by {@link PartialRollup}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<PartialRollup> {
        @Override
        public TypeInformation<PartialRollup> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
