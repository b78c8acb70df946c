package io.adclick.stream.model;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Strings in our serializers: the UTF-8 bytes after their length (a varint), written and read in
 * one call each. {@code writeUTF} and {@code readUTF} move modified UTF-8 one character at a
 * time, which cost several percent of the job's CPU on the ids every event carries.
 */
final class Utf8Strings {
    private static final int MORE = 0x80;

    private Utf8Strings() {}

    static void write(String value, DataOutputView target) throws IOException {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        int length = bytes.length;
        while (length >= MORE) {
            target.writeByte(length | MORE);
            length >>>= 7;
        }
        target.writeByte(length);
        target.write(bytes);
    }

    static String read(DataInputView source) throws IOException {
        int length = 0;
        int shift = 0;
        int next;
        while (((next = source.readUnsignedByte()) & MORE) != 0) {
            length |= (next & ~MORE) << shift;
            shift += 7;
        }
        length |= next << shift;
        byte[] bytes = new byte[length];
        source.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
