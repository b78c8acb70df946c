package io.adclick.router.api;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The body of every error response: {@code {"error":"...","code":"..."}}.
 *
 * @param error what failed and what to do about it
 * @param code {@code unauthorized}, {@code forbidden}, {@code bad_parameter}, {@code not_found},
 *     {@code truth_unavailable} or an HTTP reason
 */
public record ErrorBody(@JsonProperty("error") String error, @JsonProperty("code") String code) {
    public ErrorBody {
        requireNonNull(error, "error is null");
        requireNonNull(code, "code is null");
    }
}
