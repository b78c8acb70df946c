package io.adclick.infra.traffic;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;

/**
 * What the edge answered.
 *
 * @param status the HTTP status, or 0 when no response arrived (connection refused, timeout)
 * @param eventId the {@code X-Event-Id} header of {@code /i} and {@code /c} answers
 * @param rejectedIndexes for {@code POST /v1/events}: the indexes listed in {@code rejected}
 * @param error the transport error when {@code status} is 0
 * @param retryAfter the {@code Retry-After} header of a refusal ({@code 429}, {@code 503}) in seconds
 */
public record EdgeResponse(
        int status,
        Optional<String> eventId,
        Set<Integer> rejectedIndexes,
        Optional<String> error,
        Optional<Duration> retryAfter) {
    public EdgeResponse {
        requireNonNull(eventId, "eventId is null");
        rejectedIndexes = Set.copyOf(rejectedIndexes);
        requireNonNull(error, "error is null");
        requireNonNull(retryAfter, "retryAfter is null");
    }

    public EdgeResponse(int status, Optional<String> eventId, Set<Integer> rejectedIndexes, Optional<String> error) {
        this(status, eventId, rejectedIndexes, error, Optional.empty());
    }

    public static EdgeResponse failed(String error) {
        return new EdgeResponse(0, Optional.empty(), Set.of(), Optional.of(error));
    }

    /** Whether the edge took responsibility for the request: {@code 2xx} or {@code 302}. */
    public boolean acknowledged() {
        return (status >= 200 && status < 300) || status == 302;
    }

    /** Whether event {@code index} of an SDK batch was acknowledged. */
    public boolean acknowledged(int index) {
        return status == 200 && !rejectedIndexes.contains(index);
    }
}
