package io.adclick.edge.ingest;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.InvalidFieldException;
import io.adclick.schemas.token.TokenCheck;

/**
 * Why one event was refused: a machine-readable code and a sentence for the client.
 *
 * @param code for example {@code bad_signature} or {@code invalid_field}
 * @param message what is wrong and what to change
 */
public record Rejection(String code, String message) {
    /** The code of an event with a field the contract does not allow. */
    public static final String INVALID_FIELD = "invalid_field";
    /** The code of an event whose {@code event_time} is too far in the future. */
    public static final String EVENT_TIME_IN_FUTURE = "event_time_in_future";

    public Rejection {
        requireNonNull(code, "code is null");
        requireNonNull(message, "message is null");
    }

    static Rejection of(TokenCheck.Invalid invalid) {
        return new Rejection(invalid.error().code(), invalid.message());
    }

    static Rejection of(InvalidFieldException e) {
        return new Rejection(INVALID_FIELD, e.getMessage());
    }

    /** The code and the message in one line, as the batch API reports it. */
    public String describe() {
        return code + ": " + message;
    }
}
