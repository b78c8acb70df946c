package io.adclick.schemas;

import java.util.regex.Pattern;

/** Validation of the field kinds of the contract (section 1). */
public final class Fields {
    /** Identifiers: 1-64 characters of {@code [A-Za-z0-9_.:-]}. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private Fields() {}

    /** Returns {@code value} when it is a valid identifier, else throws naming {@code field}. */
    public static String identifier(String field, String value) {
        if (value == null || !IDENTIFIER.matcher(value).matches()) {
            throw new InvalidFieldException(field, value, "must be 1-64 characters of [A-Za-z0-9_.:-]");
        }
        return value;
    }

    /** Like {@link #identifier} but {@code null} is allowed. */
    public static String optionalIdentifier(String field, String value) {
        return value == null ? null : identifier(field, value);
    }

    /** Returns {@code value} when it is not null, else throws naming {@code field}. */
    public static <T> T required(String field, T value) {
        if (value == null) {
            throw new InvalidFieldException(field, null, "is required");
        }
        return value;
    }

    /** Money in micros: never negative. */
    public static long micros(String field, long value) {
        if (value < 0) {
            throw new InvalidFieldException(field, value, "micros must not be negative");
        }
        return value;
    }
}
