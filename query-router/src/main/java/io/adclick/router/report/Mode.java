package io.adclick.router.report;

import io.adclick.router.api.ApiException;
import io.adclick.router.api.Parameters;
import java.util.Locale;

/** {@code mode=dashboard|billing}: estimates where fresh, or billing truth only. */
public enum Mode {
    DASHBOARD,
    BILLING;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Mode parse(String value) {
        if (value == null || value.isBlank()) {
            return DASHBOARD;
        }
        for (Mode mode : values()) {
            if (mode.wireName().equals(value)) {
                return mode;
            }
        }
        throw ApiException.badRequest(
                "Invalid mode \"%s\": use dashboard or billing".formatted(Parameters.shown(value)));
    }
}
