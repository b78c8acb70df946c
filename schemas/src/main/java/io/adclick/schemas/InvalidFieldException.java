package io.adclick.schemas;

import static java.util.Objects.requireNonNull;

/**
 * A field of an event, token or request has a value the contract does not allow. The message
 * names the field, the offending value and the rule, so that a client can fix its request.
 */
public final class InvalidFieldException extends IllegalArgumentException {
    private static final int MAX_VALUE_CHARS = 80;

    private final String field;
    private final String value;

    public InvalidFieldException(String field, Object value, String rule) {
        super("Invalid %s: %s (%s)".formatted(field, quote(value), rule));
        this.field = requireNonNull(field, "field is null");
        this.value = value == null ? null : String.valueOf(value);
    }

    /** The contract name of the field, for example {@code event_id}. */
    public String field() {
        return field;
    }

    /** The rejected value as text, or {@code null} when the field was missing. */
    public String value() {
        return value;
    }

    private static String quote(Object value) {
        if (value == null) {
            return "missing";
        }
        String text = String.valueOf(value);
        if (text.length() > MAX_VALUE_CHARS) {
            text = text.substring(0, MAX_VALUE_CHARS) + "...";
        }
        return "\"" + text + "\"";
    }
}
