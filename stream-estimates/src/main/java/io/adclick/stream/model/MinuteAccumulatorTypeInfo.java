package io.adclick.stream.model;

import io.adclick.stream.serde.SerializerTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Tells Flink to use {@link MinuteAccumulatorSerializer} (not Kryo) for {@link MinuteAccumulator}. */
public final class MinuteAccumulatorTypeInfo {
    public static final TypeInformation<MinuteAccumulator> INSTANCE =
            SerializerTypeInfo.value(MinuteAccumulator.class, MinuteAccumulatorSerializer.INSTANCE);

    private MinuteAccumulatorTypeInfo() {}

    /** The factory named by {@link MinuteAccumulator}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<MinuteAccumulator> {
        @Override
        public TypeInformation<MinuteAccumulator> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
