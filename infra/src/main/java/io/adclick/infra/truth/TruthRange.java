package io.adclick.infra.truth;

import static java.util.Objects.requireNonNull;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Checks the partitions given to {@code adclick batch} and {@code adclick backfill} before a Spark
 * JVM is started for them, so that a typo costs a clear sentence, not a minute.
 */
public final class TruthRange {
    private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH");

    private TruthRange() {}

    /** {@code text} as a UTC hour key, e.g. {@code 2026-11-23T10}. */
    public static String hour(String text) {
        requireNonNull(text, "text is null");
        try {
            return HOUR.format(LocalDateTime.parse(text.strip(), HOUR));
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Invalid --hour \"%s\": use a UTC hour like 2026-11-23T10".formatted(text), e);
        }
    }

    /** {@code text} as a UTC day, e.g. {@code 2026-11-23}; {@code option} names it in the error. */
    public static LocalDate day(String option, String text) {
        requireNonNull(text, "text is null");
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(
                    "Invalid %s \"%s\": use a UTC day like 2026-11-23".formatted(option, text), e);
        }
    }

    /** Checks that {@code from..to} is a range of days, both included, the earlier first. */
    public static void days(String from, String to) {
        LocalDate first = day("--from", from);
        LocalDate last = day("--to", to);
        if (first.isAfter(last)) {
            throw new IllegalArgumentException(
                    "Invalid range: --from %s is after --to %s (give the earlier day first)".formatted(first, last));
        }
    }
}
