package io.adclick.schemas;

import java.util.regex.Pattern;

/** Validation of the field kinds of the contract (section 1). */
public final class Fields {
    /** Identifiers: 1-64 characters of {@code [A-Za-z0-9_.:-]}. */
    public static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9_.:-]{1,64}");

    private Fields() {}

    private static final boolean[] IDENTIFIER_CHARS = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            IDENTIFIER_CHARS[c] = IDENTIFIER.matcher(String.valueOf(c)).matches();
        }
    }

    /** Whether {@code value} matches {@link #IDENTIFIER} (a loop: this runs several times per event). */
    public static boolean isIdentifier(String value) {
        if (value == null || value.isEmpty() || value.length() > 64) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 128 || !IDENTIFIER_CHARS[c]) {
                return false;
            }
        }
        return true;
    }

    /** Returns {@code value} when it is a valid identifier, else throws naming {@code field}. */
    public static String identifier(String field, String value) {
        if (!isIdentifier(value)) {
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
