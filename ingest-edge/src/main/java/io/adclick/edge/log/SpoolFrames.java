package io.adclick.edge.log;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The on-disk framing of one spooled record: {@code int length, int crc32, payload}, where the
 * payload is {@code short topicLength, topic, int keyLength (-1 for none), key, int valueLength,
 * value}. A frame whose length is out of range or whose CRC does not match is a torn write.
 */
final class SpoolFrames {
    /** Bytes of the length and CRC fields. */
    static final int HEADER_BYTES = 8;
    /** Larger payloads are not written and, when read, are treated as torn. */
    static final int MAX_PAYLOAD_BYTES = 16 * 1024 * 1024;

    private SpoolFrames() {}

    /** The whole frame of {@code record}, ready to write. */
    static ByteBuffer encode(EdgeRecord record) {
        byte[] topic = record.topic().getBytes(StandardCharsets.UTF_8);
        byte[] key = record.key();
        int payloadBytes = 2 + topic.length + 4 + (key == null ? 0 : key.length) + 4 + record.value().length;
        if (payloadBytes > MAX_PAYLOAD_BYTES || topic.length > Short.MAX_VALUE) {
            throw new IllegalArgumentException(
                    "Cannot spool %s: larger than %d bytes".formatted(record, MAX_PAYLOAD_BYTES));
        }
        ByteBuffer frame = ByteBuffer.allocate(HEADER_BYTES + payloadBytes);
        frame.position(HEADER_BYTES);
        frame.putShort((short) topic.length).put(topic);
        if (key == null) {
            frame.putInt(-1);
        } else {
            frame.putInt(key.length).put(key);
        }
        frame.putInt(record.value().length).put(record.value());
        CRC32 crc = new CRC32();
        crc.update(frame.array(), HEADER_BYTES, payloadBytes);
        frame.putInt(0, payloadBytes).putInt(4, (int) crc.getValue());
        return frame.flip();
    }

    /** Whether {@code length} read from a header can be the payload length of a frame. */
    static boolean plausibleLength(int length) {
        return length >= 10 && length <= MAX_PAYLOAD_BYTES;
    }

    /** Whether {@code payload} (positioned at its start, limited to its end) matches {@code crc}. */
    static boolean crcMatches(ByteBuffer payload, int crc) {
        CRC32 actual = new CRC32();
        actual.update(payload.duplicate());
        return (int) actual.getValue() == crc;
    }

    /** Decodes a payload whose CRC has been checked. */
    static EdgeRecord decode(ByteBuffer payload) {
        byte[] topic = new byte[payload.getShort()];
        payload.get(topic);
        int keyLength = payload.getInt();
        byte[] key = null;
        if (keyLength >= 0) {
            key = new byte[keyLength];
            payload.get(key);
        }
        byte[] value = new byte[payload.getInt()];
        payload.get(value);
        return new EdgeRecord(new String(topic, StandardCharsets.UTF_8), key, value);
    }
}
