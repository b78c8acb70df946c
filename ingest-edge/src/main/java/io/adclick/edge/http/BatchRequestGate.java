package io.adclick.edge.http;

import static java.util.Objects.requireNonNull;

import io.adclick.edge.config.BatchConfig;
import io.adclick.edge.metrics.EdgeMetrics;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;

/**
 * Refuses a batch request from its headers alone, before any of its body is read: {@code 415}
 * unless the body is declared {@code application/json}, {@code 413} when the declared
 * {@code Content-Length} is over the limit. A chunked body over the limit is cut off by
 * {@code micronaut.server.max-request-size} as it streams in.
 */
@ServerFilter(BatchController.PATH)
public class BatchRequestGate {
    private final BatchConfig config;
    private final EdgeMetrics metrics;

    public BatchRequestGate(BatchConfig config, EdgeMetrics metrics) {
        this.config = requireNonNull(config, "config is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /** The refusal, or null to let the request through. */
    @RequestFilter
    public @Nullable MutableHttpResponse<ErrorBody> check(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        Optional<MediaType> contentType = request.getContentType();
        if (contentType.isEmpty() || !isJson(contentType.get())) {
            metrics.rejected(ErrorResponses.UNSUPPORTED_MEDIA_TYPE);
            return ErrorResponses.of(
                    HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                    ErrorResponses.UNSUPPORTED_MEDIA_TYPE,
                    "Content-Type %s is not supported: send the batch as application/json"
                            .formatted(contentType.map(MediaType::toString).orElse("(none)")));
        }
        long declaredLength = request.getContentLength();
        if (declaredLength > config.maxBytes()) {
            metrics.rejected(ErrorResponses.PAYLOAD_TOO_LARGE);
            return ErrorResponses.of(
                    HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    ErrorResponses.PAYLOAD_TOO_LARGE,
                    "The request body has %d bytes, more than the limit of %d: split the batch"
                            .formatted(declaredLength, config.maxBytes()));
        }
        return null;
    }

    private static boolean isJson(MediaType type) {
        return MediaType.APPLICATION_JSON_TYPE.getType().equals(type.getType())
                && MediaType.APPLICATION_JSON_TYPE.getSubtype().equals(type.getSubtype());
    }
}
