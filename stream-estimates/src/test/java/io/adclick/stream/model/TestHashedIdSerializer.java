package io.adclick.stream.model;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;

/** Flink's contract tests for serializers: round trips, copies, snapshot and restore of its configuration. */
class TestHashedIdSerializer extends SerializerTestBase<HashedId> {
    @Override
    protected TypeSerializer<HashedId> createSerializer() {
        return HashedIdSerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return 16;
    }

    @Override
    protected Class<HashedId> getTypeClass() {
        return HashedId.class;
    }

    @Override
    protected HashedId[] getTestData() {
        return new HashedId[] {
            HashedId.of("e-1"),
            HashedId.of("7f1c2e9a-0b3d-4c5e-8f6a-1b2c3d4e5f60"),
            new HashedId(0, 0),
            new HashedId(Long.MIN_VALUE, Long.MAX_VALUE),
            new HashedId(-1, -1)
        };
    }
}
