package io.adclick.stream.serde;

import org.apache.flink.api.common.typeinfo.TypeInformation;

/** String keys serialized by {@link StringKeySerializer}: pass it to {@code keyBy} with the key selector. */
public final class StringKeyTypeInfo {
    public static final TypeInformation<String> INSTANCE =
            SerializerTypeInfo.key(String.class, StringKeySerializer.INSTANCE);

    private StringKeyTypeInfo() {}
}
