package io.adclick.edge.ingest;

import static java.util.Objects.requireNonNull;

import io.adclick.schemas.event.TokenStatus;
import io.adclick.schemas.token.AdTokenPayload;

/** What became of a pixel or redirect request, once it is durable. */
public sealed interface TrackingOutcome {

    /** The event was recorded; {@code status} says whether its token had expired. */
    record Recorded(String eventId, AdTokenPayload token, TokenStatus status) implements TrackingOutcome {
        public Recorded {
            requireNonNull(eventId, "eventId is null");
            requireNonNull(token, "token is null");
            requireNonNull(status, "status is null");
        }
    }

    /** The request was refused and quarantined. */
    record Refused(String code, String message) implements TrackingOutcome {
        public Refused {
            requireNonNull(code, "code is null");
            requireNonNull(message, "message is null");
        }
    }
}
