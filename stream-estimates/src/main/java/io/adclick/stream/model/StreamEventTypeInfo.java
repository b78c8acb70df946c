package io.adclick.stream.model;

import io.adclick.stream.serde.SerializerTypeInfo;
import java.lang.reflect.Type;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.TypeInfoFactory;
import org.apache.flink.api.common.typeinfo.TypeInformation;

/** Tells Flink to use {@link StreamEventSerializer} (not its POJO serializer) for {@link StreamEvent}. */
public final class StreamEventTypeInfo {
    public static final TypeInformation<StreamEvent> INSTANCE =
            SerializerTypeInfo.value(StreamEvent.class, StreamEventSerializer.INSTANCE);

    private StreamEventTypeInfo() {}

    /** The factory named by {@link StreamEvent}'s {@code @TypeInfo}. */
    public static final class Factory extends TypeInfoFactory<StreamEvent> {
        @Override
        public TypeInformation<StreamEvent> createTypeInfo(
                Type type, Map<String, TypeInformation<?>> genericParameters) {
            return INSTANCE;
        }
    }
}
