package io.adclick.schemas.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.adclick.schemas.InvalidFieldException;
import java.util.Locale;

/** The device class of the user. */
public enum Device {
    MOBILE,
    TABLET,
    DESKTOP,
    CTV,
    BOT,
    OTHER;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Device fromWire(String value) {
        if (value != null) {
            for (Device device : values()) {
                if (device.wireName().equals(value)) {
                    return device;
                }
            }
        }
        throw new InvalidFieldException("device", value, "must be one of mobile|tablet|desktop|ctv|bot|other");
    }
}
