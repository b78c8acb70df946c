package io.adclick.schemas.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.adclick.schemas.InvalidFieldException;
import java.util.Locale;

/** What happened: an ad was shown, clicked, or led to a conversion. */
public enum EventType {
    IMPRESSION,
    CLICK,
    CONVERSION;

    /** The wire name, for example {@code click}. */
    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Parses a wire name, naming the field {@code event_type} when it is not one. */
    @JsonCreator
    public static EventType fromWire(String value) {
        if (value != null) {
            for (EventType type : values()) {
                if (type.wireName().equals(value)) {
                    return type;
                }
            }
        }
        throw new InvalidFieldException("event_type", value, "must be one of impression|click|conversion");
    }
}
