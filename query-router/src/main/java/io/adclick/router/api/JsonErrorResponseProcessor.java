package io.adclick.router.api;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.Error;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;
import java.util.Locale;

/** Gives Micronaut's own errors (unknown path, wrong method...) the router's {@link ErrorBody}. */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public final class JsonErrorResponseProcessor implements ErrorResponseProcessor<ErrorBody> {
    @Override
    public MutableHttpResponse<ErrorBody> processResponse(ErrorContext context, MutableHttpResponse<?> response) {
        HttpStatus status = response.status();
        @SuppressWarnings("unchecked")
        MutableHttpResponse<ErrorBody> typed = (MutableHttpResponse<ErrorBody>) response;
        if (context.getRequest().getMethod() == HttpMethod.HEAD) {
            return typed;
        }
        String path = context.getRequest().getPath();
        String message =
                switch (status) {
                    case NOT_FOUND -> "No such endpoint: " + path + " (see /swagger-ui/ for the API)";
                    case METHOD_NOT_ALLOWED -> "Method " + context.getRequest().getMethodName() + " is not allowed on "
                            + path;
                    default -> context.getErrors().stream()
                            .map(Error::getMessage)
                            .findFirst()
                            .orElse(status.getReason());
                };
        String code = status.getCode() >= 500
                ? "internal_error"
                : status.getReason().toLowerCase(Locale.ROOT).replace(' ', '_');
        return typed.contentType(MediaType.APPLICATION_JSON_TYPE).body(new ErrorBody(message, code));
    }
}
