package io.adclick.router.api;

import static java.util.Objects.requireNonNull;

import io.micronaut.http.HttpStatus;

/** A request the router refuses or cannot answer: an HTTP status, a code and a sentence to act on. */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final HttpStatus status;
    private final String code;

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

    public HttpStatus status() {
        return status;
    }

    public String code() {
        return code;
    }
}
