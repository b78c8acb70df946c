package io.adclick.stream.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TestUtf8Strings {
    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "evt-0f3a",
                "ü € 𝄞",
                "a string of more than 127 bytes, whose length takes two bytes: "
                        + "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
            })
    void readsBackWhatItWroteAfterAVarintOfItsUtf8Length(String value) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(16);

        Utf8Strings.write(value, out);
        Utf8Strings.write("next", out);

        DataInputDeserializer in = new DataInputDeserializer(out.getCopyOfBuffer());
        assertThat(Utf8Strings.read(in)).isEqualTo(value);
        assertThat(Utf8Strings.read(in)).isEqualTo("next");
        int utf8Length = value.getBytes(StandardCharsets.UTF_8).length;
        assertThat(out.length()).isEqualTo((utf8Length < 128 ? 1 : 2) + utf8Length + 1 + 4);
    }
}
