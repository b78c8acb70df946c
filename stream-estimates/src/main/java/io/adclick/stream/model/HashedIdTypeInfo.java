package io.adclick.stream.model;

import io.adclick.stream.serde.SerializerTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Tells Flink to use {@link HashedIdSerializer} (not Kryo) for {@link HashedId}, a valid key type. */
public final class HashedIdTypeInfo {
    public static final TypeInformation<HashedId> INSTANCE =
            SerializerTypeInfo.key(HashedId.class, HashedIdSerializer.INSTANCE);

    private HashedIdTypeInfo() {}

    /** The factory named by {@link HashedId}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<HashedId> {
        @Override
        public TypeInformation<HashedId> createTypeInfo(Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
