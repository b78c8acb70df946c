package io.adclick.edge.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.edge.client.ClientContext;
import io.adclick.edge.client.ClientContextResolver;
import io.adclick.edge.config.BatchConfig;
import io.adclick.edge.config.SpoolConfig;
import io.adclick.edge.ingest.BatchIngestor;
import io.adclick.edge.metrics.EdgeMetrics;
import io.adclick.edge.ratelimit.RateLimitDecision;
import io.adclick.edge.ratelimit.SourceRateLimiter;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The SDK batch API {@code POST /v1/events}: up to the configured number of events per request,
 * each accepted or rejected on its own, answered once all of them are durable.
 */
@Controller
public class BatchController {
    /** The path of the batch API. */
    public static final String PATH = "/v1/events";

    private final BatchIngestor ingestor;
    private final ClientContextResolver clients;
    private final SourceRateLimiter rateLimiter;
    private final BatchConfig config;
    private final SpoolConfig spool;
    private final EdgeMetrics metrics;
    private final Clock clock;

    public BatchController(
            BatchIngestor ingestor,
            ClientContextResolver clients,
            SourceRateLimiter rateLimiter,
            BatchConfig config,
            SpoolConfig spool,
            EdgeMetrics metrics,
            Clock clock) {
        this.ingestor = requireNonNull(ingestor, "ingestor is null");
        this.clients = requireNonNull(clients, "clients is null");
        this.rateLimiter = requireNonNull(rateLimiter, "rateLimiter is null");
        this.config = requireNonNull(config, "config is null");
        this.spool = requireNonNull(spool, "spool is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.clock = requireNonNull(clock, "clock is null");
    }

    /** Ingests a batch; see {@link BatchRequestGate} for the checks made before the body is read. */
    @Post(PATH)
    @Consumes(MediaType.ALL)
    public CompletableFuture<MutableHttpResponse<?>> ingest(HttpRequest<?> request, @Body @Nullable byte[] body) {
        List<JsonNode> events;
        try {
            events = BatchBodyReader.read(body == null ? new byte[0] : body);
        } catch (BatchBodyReader.InvalidBatchException e) {
            return refuse(HttpStatus.BAD_REQUEST, e.code(), e.getMessage());
        }
        if (events.size() > config.maxEvents()) {
            return refuse(
                    HttpStatus.REQUEST_ENTITY_TOO_LARGE,
                    ErrorResponses.TOO_MANY_EVENTS,
                    "The batch has %d events, more than the limit of %d: split it"
                            .formatted(events.size(), config.maxEvents()));
        }
        ClientContext client = clients.resolve(request);
        RateLimitDecision decision = rateLimiter.tryAcquire(client.sourceKey(), events.size());
        if (!decision.allowed()) {
            metrics.rejected(ErrorResponses.RATE_LIMITED);
            return CompletableFuture.completedFuture(ErrorResponses.retryLater(
                    HttpStatus.TOO_MANY_REQUESTS,
                    ErrorResponses.RATE_LIMITED,
                    decision.reason(),
                    decision.retryAfter()));
        }
        return ingestor.ingest(events, client, clock.instant())
                .handle((outcome, failure) -> failure == null
                        ? HttpResponse.ok(outcome)
                        : ErrorResponses.forWriteFailure(failure, spool.fullRetryAfter()));
    }

    private CompletableFuture<MutableHttpResponse<?>> refuse(HttpStatus status, String code, String message) {
        metrics.rejected(code);
        return CompletableFuture.completedFuture(ErrorResponses.of(status, code, message));
    }
}
