package io.adclick.stream.model;

import io.adclick.stream.serde.SerializerTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Tells Flink to use {@link PartialRollupSerializer} (not Kryo) for {@link PartialRollup}. */
public final class PartialRollupTypeInfo {
    public static final TypeInformation<PartialRollup> INSTANCE =
            SerializerTypeInfo.value(PartialRollup.class, PartialRollupSerializer.INSTANCE);

    private PartialRollupTypeInfo() {}

    /** The factory named by {@link PartialRollup}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<PartialRollup> {
        @Override
        public TypeInformation<PartialRollup> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
