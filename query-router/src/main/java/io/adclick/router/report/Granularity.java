package io.adclick.router.report;

import io.adclick.router.api.ApiException;
import io.adclick.router.api.Parameters;
import java.time.Duration;
import java.util.Locale;

/** The size of a report's time buckets. */
public enum Granularity {
    MINUTE(Duration.ofMinutes(1)),
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofDays(1));

    private final Duration length;

    Granularity(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static Granularity parse(String value) {
        if (value == null || value.isBlank()) {
            return HOUR;
        }
        for (Granularity granularity : values()) {
            if (granularity.wireName().equals(value)) {
                return granularity;
            }
        }
        throw ApiException.badRequest(
                "Invalid granularity \"%s\": use minute, hour or day".formatted(Parameters.shown(value)));
    }
}
