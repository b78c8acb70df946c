package io.adclick.schemas.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.adclick.schemas.InvalidFieldException;
import java.util.Locale;

/** Which edge endpoint recorded an event. */
public enum IngestSource {
    /** {@code GET /i/{token}}. */
    PIXEL,
    /** {@code GET /c/{token}}. */
    REDIRECT,
    /** {@code POST /v1/events}. */
    SDK;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static IngestSource fromWire(String value) {
        for (IngestSource source : values()) {
            if (source.wireName().equals(value)) {
                return source;
            }
        }
        throw new InvalidFieldException("source", value, "must be one of pixel|redirect|sdk");
    }
}
