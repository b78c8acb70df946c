package io.adclick.edge.client;

import io.adclick.schemas.event.Device;
import io.micronaut.core.annotation.Nullable;
import java.util.Locale;

/** Maps Yauaa's {@code DeviceClass} values to the contract's device classes. */
public final class DeviceClasses {
    private DeviceClasses() {}

    /** The device for a Yauaa {@code DeviceClass} such as {@code Phone} or {@code Robot Mobile}. */
    public static Device toDevice(@Nullable String deviceClass) {
        if (deviceClass == null) {
            return Device.OTHER;
        }
        return switch (deviceClass.trim().toLowerCase(Locale.ROOT)) {
            case "phone", "mobile" -> Device.MOBILE;
            case "tablet" -> Device.TABLET;
            case "desktop" -> Device.DESKTOP;
            case "tv", "set-top box", "game console" -> Device.CTV;
            case "robot", "robot mobile", "robot imitator", "hacker", "spy" -> Device.BOT;
            default -> Device.OTHER;
        };
    }
}
