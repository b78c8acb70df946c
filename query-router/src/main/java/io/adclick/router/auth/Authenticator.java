package io.adclick.router.auth;

import static java.util.Objects.requireNonNull;

import io.adclick.router.api.ApiException;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import jakarta.inject.Singleton;

/** Turns a request's {@code Authorization: Bearer <key>} into a {@link Caller}, or a 401. */
@Singleton
public final class Authenticator {
    private static final String BEARER = "Bearer ";
    private final ApiKeys keys;

    public Authenticator(ApiKeys keys) {
        this.keys = requireNonNull(keys, "keys is null");
    }

    public Caller authenticate(HttpRequest<?> request) {
        return authenticate(request.getHeaders().get(HttpHeaders.AUTHORIZATION));
    }

    /** The caller behind an {@code Authorization} header value (null when absent). */
    public Caller authenticate(String authorization) {
        if (authorization == null || authorization.isBlank()) {
            throw ApiException.unauthorized("Missing API key: send Authorization: Bearer <api key>");
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            throw ApiException.unauthorized("Unsupported Authorization scheme: send Authorization: Bearer <api key>");
        }
        String key = authorization.substring(BEARER.length()).strip();
        return keys.identify(key)
                .orElseThrow(
                        () -> ApiException.unauthorized("Unknown API key: ask your adclick administrator for one"));
    }
}
