package io.adclick.stream.serde;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.typeutils.SerializerTestBase;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.base.StringSerializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** Flink's contract tests for serializers, and byte-for-byte equality with Flink's {@link StringSerializer}. */
class TestStringKeySerializer extends SerializerTestBase<String> {
    @Override
    protected TypeSerializer<String> createSerializer() {
        return StringKeySerializer.INSTANCE;
    }

    @Override
    protected int getLength() {
        return -1;
    }

    @Override
    protected Class<String> getTypeClass() {
        return String.class;
    }

    @Override
    protected String[] getTestData() {
        return new String[] {
            "", "cmp-1|ad-1|pub-1|US|mobile#3", "cmp-1|ad-1|pub-1|US|mobile|1764151200000", "é€😀", "x".repeat(200)
        };
    }

    @Test
    void writesTheSameBytesAsFlinksStringSerializer() throws Exception {
        StringBuilder everyChar = new StringBuilder();
        for (int c = Character.MIN_VALUE; c <= Character.MAX_VALUE; c++) {
            everyChar.append((char) c);
        }
        for (String key : new String[] {
            "",
            "a",
            "cmp-1|ad-1|pub-1|US|mobile#3",
            "ü|é|€|😀",
            "y".repeat(127),
            "y".repeat(128),
            "z".repeat(20_000),
            everyChar.toString()
        }) {
            assertThat(bytes(StringKeySerializer.INSTANCE, key))
                    .as("bytes of a %d-char key", key.length())
                    .isEqualTo(bytes(StringSerializer.INSTANCE, key));
        }
        assertThat(bytes(StringKeySerializer.INSTANCE, null)).isEqualTo(bytes(StringSerializer.INSTANCE, null));
    }

    @Test
    void keysThatFlinksStringSerializerWroteRestoreAsTheyAre() {
        assertThat(StringKeySerializer.INSTANCE
                        .snapshotConfiguration()
                        .resolveSchemaCompatibility(StringSerializer.INSTANCE.snapshotConfiguration())
                        .isCompatibleAsIs())
                .isTrue();
    }

    private static byte[] bytes(TypeSerializer<String> serializer, String value) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(value, out);
        return out.getCopyOfBuffer();
    }
}
