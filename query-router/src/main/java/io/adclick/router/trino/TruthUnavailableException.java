package io.adclick.router.trino;

import io.adclick.router.api.ApiException;
import io.micronaut.http.HttpStatus;

/** Factory of the 503 answers when Trino or the truth tables cannot answer. */
final class TruthUnavailableException {
    private TruthUnavailableException() {}

    static ApiException of(String message, Throwable cause) {
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "truth_unavailable", message, cause);
    }
}
