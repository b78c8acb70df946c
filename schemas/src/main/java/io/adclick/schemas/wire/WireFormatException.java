package io.adclick.schemas.wire;

/** A Kafka record that is not a valid message of the topic's wire format. */
public final class WireFormatException extends RuntimeException {
    public WireFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
