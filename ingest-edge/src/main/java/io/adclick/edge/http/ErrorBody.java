package io.adclick.edge.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of every error response: {@code {"error":"...","code":"..."}}.
 *
 * @param error what failed and what to do about it
 * @param code a machine-readable code such as {@code bad_signature} or {@code rate_limited}
 */
public record ErrorBody(@JsonProperty("error") String error, @JsonProperty("code") String code) {
    public ErrorBody {
        requireNonNull(error, "error is null");
        requireNonNull(code, "code is null");
    }
}
