package io.adclick.schemas.pinot;

/** A query Pinot refused, failed or answered only in part; the message says which and why. */
public final class PinotQueryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public PinotQueryException(String message) {
        super(message);
    }

    public PinotQueryException(String message, Throwable cause) {
        super(message, cause);
    }
}
