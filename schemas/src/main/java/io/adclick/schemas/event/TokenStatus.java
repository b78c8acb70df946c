package io.adclick.schemas.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.adclick.schemas.InvalidFieldException;
import java.util.Locale;

/**
 * What the edge found when it verified the event's token. Only authentic tokens reach the raw
 * log; an expired one is recorded but never billable.
 */
public enum TokenStatus {
    VALID,
    EXPIRED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static TokenStatus fromWire(String value) {
        for (TokenStatus status : values()) {
            if (status.wireName().equals(value)) {
                return status;
            }
        }
        throw new InvalidFieldException("token_status", value, "must be one of valid|expired");
    }
}
