package io.adclick.edge.http;

import io.adclick.edge.log.SpoolFullException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the edge's JSON error responses. */
public final class ErrorResponses {
    /** {@code 400} for a body that is not JSON. */
    public static final String INVALID_JSON = "invalid_json";
    /** {@code 400} for JSON of the wrong shape. */
    public static final String INVALID_REQUEST = "invalid_request";
    /** {@code 413} for a body over the byte limit. */
    public static final String PAYLOAD_TOO_LARGE = "payload_too_large";
    /** {@code 413} for a batch over the event limit. */
    public static final String TOO_MANY_EVENTS = "too_many_events";
    /** {@code 415}. */
    public static final String UNSUPPORTED_MEDIA_TYPE = "unsupported_media_type";
    /** {@code 429}. */
    public static final String RATE_LIMITED = "rate_limited";
    /** {@code 503} when the edge is at its concurrency limit. */
    public static final String OVERLOADED = "overloaded";
    /** {@code 503} when the spool cannot take more events. */
    public static final String SPOOL_FULL = "spool_full";
    /** {@code 500}. */
    public static final String INTERNAL_ERROR = "internal_error";

    private static final Logger LOG = LoggerFactory.getLogger(ErrorResponses.class);

    private ErrorResponses() {}

    /** An error response with {@code status}, {@code code} and the sentence {@code error}. */
    public static MutableHttpResponse<ErrorBody> of(HttpStatus status, String code, String error) {
        return HttpResponse.<ErrorBody>status(status)
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(new ErrorBody(error, code));
    }

    /** Like {@link #of} with a {@code Retry-After} header in whole seconds (at least 1). */
    public static MutableHttpResponse<ErrorBody> retryLater(
            HttpStatus status, String code, String error, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        return of(status, code, error).header(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
    }

    /** The response for a failed write of events: {@code 503} when the spool is full, else {@code 500}. */
    public static MutableHttpResponse<ErrorBody> forWriteFailure(Throwable failure, Duration spoolFullRetryAfter) {
        Throwable cause = unwrap(failure);
        if (cause instanceof SpoolFullException) {
            return retryLater(HttpStatus.SERVICE_UNAVAILABLE, SPOOL_FULL, cause.getMessage(), spoolFullRetryAfter);
        }
        LOG.error("Cannot make events durable", cause);
        return of(
                HttpStatus.INTERNAL_SERVER_ERROR,
                INTERNAL_ERROR,
                "The edge could not store the events (" + cause.getMessage() + "): retry later");
    }

    /** The default code of a status: {@code not_found}, {@code method_not_allowed} and so on. */
    public static String codeOf(HttpStatus status) {
        return switch (status) {
            case BAD_REQUEST -> "bad_request";
            case REQUEST_ENTITY_TOO_LARGE -> PAYLOAD_TOO_LARGE;
            case UNSUPPORTED_MEDIA_TYPE -> UNSUPPORTED_MEDIA_TYPE;
            case INTERNAL_SERVER_ERROR -> INTERNAL_ERROR;
            default -> status.name().toLowerCase(Locale.ROOT);
        };
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
