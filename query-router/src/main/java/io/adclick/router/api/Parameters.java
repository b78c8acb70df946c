package io.adclick.router.api;

import io.adclick.schemas.Fields;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/** Validation of raw query parameters into typed values, with 400 messages that name the parameter. */
public final class Parameters {
    /** The most ids one comma list may hold. */
    public static final int MAX_LIST = 100;

    private static final int SHOWN_CHARS = 40;

    private Parameters() {}

    /** An optional identifier (CONTRACT section 1). */
    public static Optional<String> identifier(String name, String value) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        if (!Fields.isIdentifier(value)) {
            throw ApiException.badRequest(
                    "Invalid %s \"%s\": use 1-64 characters of [A-Za-z0-9_.:-]".formatted(name, shown(value)));
        }
        return Optional.of(value);
    }

    /** A required identifier. */
    public static String requiredIdentifier(String name, String value) {
        return identifier(name, value)
                .orElseThrow(() -> ApiException.badRequest("Missing %s: it is required".formatted(name)));
    }

    /** A comma list of distinct identifiers, at most {@link #MAX_LIST}. */
    public static List<String> identifiers(String name, String value) {
        if (value == null || value.isEmpty()) {
            return List.of();
        }
        Set<String> ids = new LinkedHashSet<>();
        for (String part : value.split(",", -1)) {
            ids.add(identifier(name, part.strip())
                    .orElseThrow(() -> ApiException.badRequest(
                            "Invalid %s \"%s\": empty entry in the comma list".formatted(name, shown(value)))));
        }
        if (ids.size() > MAX_LIST) {
            throw ApiException.badRequest("Too many %s values: %d (at most %d)".formatted(name, ids.size(), MAX_LIST));
        }
        return List.copyOf(ids);
    }

    /** A required ISO-8601 instant. */
    public static Instant instant(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest(
                    "Missing %s: give an ISO-8601 instant such as 2026-11-23T10:00:00Z".formatted(name));
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid %s \"%s\": use an ISO-8601 instant such as 2026-11-23T10:00:00Z"
                    .formatted(name, shown(value)));
        }
    }

    /** A required {@code YYYY-MM}. */
    public static YearMonth month(String name, String value) {
        if (value == null || value.isEmpty()) {
            throw ApiException.badRequest("Missing %s: give a month as YYYY-MM".formatted(name));
        }
        if (!value.matches("[0-9]{4}-[0-9]{2}")) {
            throw ApiException.badRequest("Invalid %s \"%s\": use YYYY-MM".formatted(name, shown(value)));
        }
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("Invalid %s \"%s\": use YYYY-MM".formatted(name, shown(value)));
        }
    }

    /** An optional integer in {@code [min, max]}. */
    public static int integer(String name, String value, int fallback, int min, int max) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.badRequest(
                "Invalid %s \"%s\": use an integer from %d to %d".formatted(name, shown(value), min, max));
    }

    /** An optional boolean {@code true|false}. */
    public static boolean bool(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw ApiException.badRequest("Invalid %s \"%s\": use true or false".formatted(name, shown(value)));
    }

    /** A comma list parsed element by element. */
    public static <T> List<T> list(String value, Function<String, T> parse) {
        List<T> out = new ArrayList<>();
        if (value != null && !value.isEmpty()) {
            for (String part : value.split(",", -1)) {
                out.add(parse.apply(part.strip()));
            }
        }
        return out;
    }

    /** A request value as quoted in an error message: printable ASCII, at most 40 characters. */
    public static String shown(String value) {
        String printable = value.replaceAll("[^\\x20-\\x7E]", "?").replace("\"", "'");
        return printable.length() > SHOWN_CHARS ? printable.substring(0, SHOWN_CHARS) + "..." : printable;
    }
}
