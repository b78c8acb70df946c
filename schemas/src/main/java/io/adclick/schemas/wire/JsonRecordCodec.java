package io.adclick.schemas.wire;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;

/**
 * Encodes and decodes one record type as UTF-8 JSON, the wire format of every adclick topic
 * (see {@code docs/wire-format.md} for the choice and its measurements).
 */
public final class JsonRecordCodec<T> {
    private final Class<T> type;
    private final ObjectWriter writer;
    private final ObjectReader reader;

    private JsonRecordCodec(Class<T> type) {
        this.type = requireNonNull(type, "type is null");
        this.writer = JsonWire.mapper().writerFor(type);
        this.reader = JsonWire.mapper().readerFor(type);
    }

    /** A codec for {@code type}, a record annotated with its wire field names. */
    public static <T> JsonRecordCodec<T> of(Class<T> type) {
        return new JsonRecordCodec<>(type);
    }

    public byte[] encode(T value) {
        requireNonNull(value, "value is null");
        try {
            return writer.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new WireFormatException("Cannot encode " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Decodes one message.
     *
     * @throws WireFormatException when the bytes are not a valid message, naming the bad field
     */
    public T decode(byte[] bytes) {
        requireNonNull(bytes, "bytes is null");
        try {
            return reader.readValue(bytes);
        } catch (IOException | RuntimeException e) {
            throw new WireFormatException(
                    "Not a valid %s message: %s".formatted(type.getSimpleName(), rootMessage(e)), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }
}
