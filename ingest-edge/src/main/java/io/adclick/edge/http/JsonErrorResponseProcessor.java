package io.adclick.edge.http;

import static java.util.Objects.requireNonNull;

import io.adclick.edge.config.BatchConfig;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/**
 * Gives Micronaut's own errors (unknown path, wrong method, body too large, unreadable body...)
 * the edge's error body {@code {"error":"...","code":"..."}}, whatever the client accepts.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class JsonErrorResponseProcessor implements ErrorResponseProcessor<ErrorBody> {
    private final BatchConfig batch;

    public JsonErrorResponseProcessor(BatchConfig batch) {
        this.batch = requireNonNull(batch, "batch is null");
    }

    @Override
    public MutableHttpResponse<ErrorBody> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        @SuppressWarnings("unchecked")
        MutableHttpResponse<ErrorBody> typed = (MutableHttpResponse<ErrorBody>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return typed;
        }
        return typed.contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ErrorBody(message(status, context), ErrorResponses.codeOf(status)));
    }

    private String message(HttpStatus status, ErrorContext context) {
        String path = context.getRequest().getPath();
        return switch (status) {
            case NOT_FOUND -> "No such endpoint: " + path + " (the edge serves /i/{token}, /c/{token}, POST /v1/events,"
                    + " /health and /metrics)";
            case METHOD_NOT_ALLOWED -> "Method " + context.getRequest().getMethodName() + " is not allowed on " + path;
            case REQUEST_ENTITY_TOO_LARGE -> "The request body is larger than %d bytes: send at most %d events and %d bytes per request"
                    .formatted(batch.maxBytes(), batch.maxEvents(), batch.maxBytes());
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported Content-Type: send application/json";
            default -> context.getErrors().stream()
                    .map(Error::getMessage)
                    .findFirst()
                    .or(() -> context.getRootCause().map(Throwable::getMessage))
                    .orElse(status.getReason());
        };
    }
}
