package io.adclick.edge.ingest;

import static java.util.Objects.requireNonNull;

import io.adclick.edge.client.ClientContext;
import io.adclick.edge.log.RawLogWriter;
import io.adclick.edge.metrics.EdgeMetrics;
import io.adclick.schemas.InvalidFieldException;
import io.adclick.schemas.event.EventEnvelope;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.IngestSource;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import io.adclick.schemas.token.AdTokenPayload;
import io.adclick.schemas.token.TokenCheck;
import io.adclick.schemas.token.TokenVerifier;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * Records the impression of a pixel request or the click of a redirect request: verifies the
 * token at the receive time, builds the raw event, and completes once it is durable. A request
 * with an invalid token is quarantined instead.
 */
@Singleton
public final class TrackedEventRecorder {
    private final TokenVerifier verifier;
    private final RawLogWriter writer;
    private final EdgeMetrics metrics;

    public TrackedEventRecorder(TokenVerifier verifier, RawLogWriter writer, EdgeMetrics metrics) {
        this.verifier = requireNonNull(verifier, "verifier is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
    }

    /**
     * Records an event of {@code type} for {@code token}, received at {@code receivedAt}.
     *
     * @param type {@code impression} (pixel) or {@code click} (redirect)
     */
    public CompletableFuture<TrackingOutcome> record(
            EventType type, String token, ClientContext client, Instant receivedAt) {
        requireNonNull(type, "type is null");
        requireNonNull(client, "client is null");
        requireNonNull(receivedAt, "receivedAt is null");
        IngestSource source = type == EventType.CLICK ? IngestSource.REDIRECT : IngestSource.PIXEL;
        TokenCheck check = verifier.verify(token, receivedAt);
        if (check instanceof TokenCheck.Invalid invalid) {
            return quarantine(Rejection.of(invalid), source, client, receivedAt, token);
        }
        AdTokenPayload payload;
        TokenStatus status;
        if (check instanceof TokenCheck.Expired expired) {
            payload = expired.payload();
            status = TokenStatus.EXPIRED;
        } else {
            payload = ((TokenCheck.Valid) check).payload();
            status = TokenStatus.VALID;
        }
        RawEvent event;
        try {
            event = RawEvent.of(
                    new EventEnvelope(
                            EventEnvelope.CURRENT_SCHEMA_VERSION,
                            type,
                            eventId(type, payload),
                            receivedAt,
                            token,
                            client.userId(),
                            client.country(),
                            client.device(),
                            Map.of()),
                    payload,
                    status,
                    receivedAt,
                    source,
                    client.ip(),
                    client.userAgent());
        } catch (InvalidFieldException e) {
            return quarantine(Rejection.of(e), source, client, receivedAt, token);
        }
        return writer.write(List.of(RawLogRecords.raw(event))).thenApply(done -> {
            metrics.eventAccepted(type, 1);
            return new TrackingOutcome.Recorded(event.eventId(), payload, status);
        });
    }

    private static String eventId(EventType type, AdTokenPayload payload) {
        return type == EventType.IMPRESSION ? "imp:" + payload.impressionId() : "clk:" + UUID.randomUUID();
    }

    private CompletableFuture<TrackingOutcome> quarantine(
            Rejection rejection, IngestSource source, ClientContext client, Instant receivedAt, String token) {
        return writer.write(List.of(RawLogRecords.quarantine(
                        rejection, rejection.message(), receivedAt, source, -1, null, client.sourceKey(), token)))
                .thenApply(done -> {
                    metrics.rejected(rejection.code());
                    return new TrackingOutcome.Refused(rejection.code(), rejection.message());
                });
    }
}
