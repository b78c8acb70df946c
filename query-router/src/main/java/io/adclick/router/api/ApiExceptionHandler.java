package io.adclick.router.api;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/** Answers an {@link ApiException} with its status and the JSON {@link ErrorBody}. */
@Produces
@Singleton
@Requires(classes = {ApiException.class, ExceptionHandler.class})
public final class ApiExceptionHandler implements ExceptionHandler<ApiException, HttpResponse<ErrorBody>> {
    @Override
    public HttpResponse<ErrorBody> handle(HttpRequest request, ApiException exception) {
        var response = HttpResponse.<ErrorBody>status(exception.status())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(new ErrorBody(exception.getMessage(), exception.code()));
        if (exception.status().getCode() == 401) {
            response.header("WWW-Authenticate", "Bearer");
        }
        exception
                .retryAfter()
                .ifPresent(after -> response.header("Retry-After", Long.toString(Math.max(1, after.toSeconds()))));
        return response;
    }
}
