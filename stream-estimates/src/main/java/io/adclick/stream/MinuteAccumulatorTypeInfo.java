package io.adclick.stream;

import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Tells Flink to use {@link MinuteAccumulatorSerializer} (not Kryo) for {@link MinuteAccumulator}. */
public final class MinuteAccumulatorTypeInfo extends TypeInformation<MinuteAccumulator> {
    public static final MinuteAccumulatorTypeInfo INSTANCE = new MinuteAccumulatorTypeInfo();

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
    public Class<MinuteAccumulator> getTypeClass() {
        return MinuteAccumulator.class;
    }

    @Override
    public boolean isKeyType() {
        return false;
    }

    @Override
    public TypeSerializer<MinuteAccumulator> createSerializer(SerializerConfig config) {
        return MinuteAccumulatorSerializer.INSTANCE;
    }

    @Override
    public String toString() {
        return "MinuteAccumulator";
    }

    @Override
    public boolean equals(Object obj) {
        return obj instanceof MinuteAccumulatorTypeInfo;
    }

    @Override
    public int hashCode() {
        return MinuteAccumulatorTypeInfo.class.hashCode();
    }

    @Override
    public boolean canEqual(Object obj) {
        return obj instanceof MinuteAccumulatorTypeInfo;
    }

    /** The factory named by {@link MinuteAccumulator}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<MinuteAccumulator> {
        @Override
        public TypeInformation<MinuteAccumulator> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
