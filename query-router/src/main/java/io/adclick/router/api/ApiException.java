package io.adclick.router.api;

import static java.util.Objects.requireNonNull;

import io.micronaut.http.HttpStatus;
import java.time.Duration;
import java.util.Optional;

/** A request the router refuses or cannot answer: an HTTP status, a code and a sentence to act on. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;
    private Duration retryAfter;

    public ApiException(HttpStatus status, String code, String message) {
        super(requireNonNull(message, "message is null"));
        this.status = requireNonNull(status, "status is null");
        this.code = requireNonNull(code, "code is null");
    }

    public ApiException(HttpStatus status, String code, String message, Throwable cause) {
        this(status, code, message);
        initCause(cause);
    }

    public static ApiException badRequest(String message) {
        return new ApiException(HttpStatus.BAD_REQUEST, "bad_parameter", message);
    }

    public static ApiException unauthorized(String message) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized", message);
    }

    public static ApiException forbidden(String message) {
        return new ApiException(HttpStatus.FORBIDDEN, "forbidden", message);
    }

    public static ApiException notFound(String message) {
        return new ApiException(HttpStatus.NOT_FOUND, "not_found", message);
    }

    /** A 503 that tells the client when to ask again ({@code Retry-After}). */
    public static ApiException unavailable(String code, String message, Duration retryAfter, Throwable cause) {
        ApiException e = new ApiException(HttpStatus.SERVICE_UNAVAILABLE, code, message, cause);
        e.retryAfter = requireNonNull(retryAfter, "retryAfter is null");
        return e;
    }

    /** When to retry, for a {@code Retry-After} header. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
