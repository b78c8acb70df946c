package io.adclick.edge.ingest;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.JsonNode;
import io.adclick.edge.client.ClientContext;
import io.adclick.edge.config.BatchConfig;
import io.adclick.edge.log.EdgeRecord;
import io.adclick.edge.log.RawLogWriter;
import io.adclick.edge.metrics.EdgeMetrics;
import io.adclick.schemas.InvalidFieldException;
import io.adclick.schemas.event.EnvelopeParser;
import io.adclick.schemas.event.EventEnvelope;
import io.adclick.schemas.event.EventType;
import io.adclick.schemas.event.IngestSource;
import io.adclick.schemas.event.RawEvent;
import io.adclick.schemas.event.TokenStatus;
import io.adclick.schemas.token.TokenCheck;
import io.adclick.schemas.token.TokenVerifier;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Ingests the events of one SDK batch: parses and verifies each one on its own, writes the good
 * ones to {@code events.raw} and the refused ones to {@code events.quarantine}, and completes once
 * all of them are durable. One bad event never refuses the others.
 */
@Singleton
public final class BatchIngestor {
    private static final int MAX_QUARANTINED_EVENT_ID_CHARS = 256;

    private final TokenVerifier verifier;
    private final RawLogWriter writer;
    private final EdgeMetrics metrics;
    private final BatchConfig config;

    public BatchIngestor(TokenVerifier verifier, RawLogWriter writer, EdgeMetrics metrics, BatchConfig config) {
        this.verifier = requireNonNull(verifier, "verifier is null");
        this.writer = requireNonNull(writer, "writer is null");
        this.metrics = requireNonNull(metrics, "metrics is null");
        this.config = requireNonNull(config, "config is null");
    }

    /** Ingests {@code events}, the elements of one batch, received at {@code receivedAt}. */
    public CompletableFuture<BatchOutcome> ingest(List<JsonNode> events, ClientContext client, Instant receivedAt) {
        requireNonNull(events, "events is null");
        requireNonNull(client, "client is null");
        requireNonNull(receivedAt, "receivedAt is null");
        List<EdgeRecord> records = new ArrayList<>(events.size());
        List<BatchOutcome.RejectedEvent> rejected = new ArrayList<>();
        List<String> rejectionCodes = new ArrayList<>();
        Map<EventType, Integer> acceptedByType = new EnumMap<>(EventType.class);
        for (int index = 0; index < events.size(); index++) {
            JsonNode node = events.get(index);
            try {
                RawEvent event = toRawEvent(node, client, receivedAt);
                records.add(RawLogRecords.raw(event));
                acceptedByType.merge(event.eventType(), 1, Integer::sum);
            } catch (RejectedEventException e) {
                String eventId = readableEventId(node);
                String error = e.rejection.describe();
                rejected.add(new BatchOutcome.RejectedEvent(index, eventId, error));
                rejectionCodes.add(e.rejection.code());
                records.add(RawLogRecords.quarantine(
                        e.rejection,
                        error,
                        receivedAt,
                        IngestSource.SDK,
                        index,
                        eventId,
                        client.sourceKey(),
                        node.toString()));
            }
        }
        int accepted = events.size() - rejected.size();
        return writer.write(records).thenApply(done -> {
            acceptedByType.forEach(metrics::eventAccepted);
            rejectionCodes.forEach(metrics::rejected);
            return new BatchOutcome(accepted, rejected);
        });
    }

    private RawEvent toRawEvent(JsonNode node, ClientContext client, Instant receivedAt) {
        try {
            EventEnvelope envelope = EnvelopeParser.parse(node, client.device());
            Instant latest = receivedAt.plus(config.maxEventTimeSkew());
            if (envelope.eventTime().isAfter(latest)) {
                throw new RejectedEventException(new Rejection(
                        Rejection.EVENT_TIME_IN_FUTURE,
                        "event_time %s is more than %s after the edge's clock (%s): send the UTC time the event happened"
                                .formatted(envelope.eventTime(), config.maxEventTimeSkew(), receivedAt)));
            }
            TokenCheck check = verifier.verify(envelope.token(), envelope.eventTime());
            if (check instanceof TokenCheck.Invalid invalid) {
                throw new RejectedEventException(Rejection.of(invalid));
            }
            boolean expired = check instanceof TokenCheck.Expired;
            return RawEvent.of(
                    envelope,
                    expired ? ((TokenCheck.Expired) check).payload() : ((TokenCheck.Valid) check).payload(),
                    expired ? TokenStatus.EXPIRED : TokenStatus.VALID,
                    receivedAt,
                    IngestSource.SDK,
                    client.ip(),
                    client.userAgent());
        } catch (InvalidFieldException e) {
            throw new RejectedEventException(Rejection.of(e));
        }
    }

    private static @Nullable String readableEventId(JsonNode node) {
        JsonNode eventId = node.get("event_id");
        if (eventId == null || !eventId.isTextual()) {
            return null;
        }
        String text = eventId.asText();
        return text.length() > MAX_QUARANTINED_EVENT_ID_CHARS
                ? text.substring(0, MAX_QUARANTINED_EVENT_ID_CHARS)
                : text;
    }

    /** Carries a rejection out of the per-event checks. */
    private static final class RejectedEventException extends RuntimeException {
        private final Rejection rejection;

        RejectedEventException(Rejection rejection) {
            super(rejection.message(), null, false, false);
            this.rejection = rejection;
        }
    }
}
